package app.herald.calendar;

import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar grid: items on the right local day and hour, filters, and the viewer's zone printed. */
@QuarkusTest
class CalendarPageTest {

    private record Setup(CalendarFixture.Member member, long tiktok, long youtube, long late, long noon, long youtubePost,
            long stale) {
    }

    /** A brand in New York with posts around a UTC midnight, seen by a member whose profile zone is {@code zone}. */
    private static Setup setup(String zone) {
        long brand = CalendarFixture.brand("America/New_York");
        long tiktok = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", 15, 0, ChannelStatus.ACTIVE);
        long youtube = CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, "America/New_York", 100, 0, ChannelStatus.ACTIVE);
        // 04:30 UTC on 2 Dec is 23:30 on 1 Dec in New York.
        long late = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Late night"), tiktok,
                Instant.parse("2026-12-02T04:30:00Z"), PublicationStatus.SCHEDULED);
        long noon = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Noon post"), tiktok,
                Instant.parse("2026-12-09T17:00:00Z"), PublicationStatus.SCHEDULED);
        long youtubePost = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Tube post"), youtube,
                Instant.parse("2026-12-09T19:00:00Z"), PublicationStatus.SCHEDULED);
        long stale = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Stale post"), youtube,
                Instant.parse("2026-12-15T19:00:00Z"), PublicationStatus.NEEDS_RESCHEDULE);
        CalendarFixture.Member member = CalendarFixture.member(brand, Role.MANAGER);
        CalendarFixture.setZone(member, zone);
        return new Setup(member, tiktok, youtube, late, noon, youtubePost, stale);
    }

    private static List<String> itemsOn(Document page, String date) {
        return page.select("td.cal-day[data-date=" + date + "] .cal-item").eachAttr("data-publication");
    }

    @Test
    void monthViewPutsEachItemOnItsLocalDayAndPrintsTheZone() {
        Setup setup = setup("America/New_York");

        Document page = setup.member().session().page("/calendar?view=month&date=2026-12-01");

        assertThat(page.select("#viewer-zone").text()).isEqualTo("America/New_York");
        assertThat(page.select("h1").text()).isEqualTo("December 2026");
        assertThat(itemsOn(page, "2026-12-01")).containsExactly(String.valueOf(setup.late()));
        assertThat(itemsOn(page, "2026-12-02")).isEmpty();
        assertThat(itemsOn(page, "2026-12-09")).containsExactly(String.valueOf(setup.noon()), String.valueOf(setup.youtubePost()));
        assertThat(page.select("[data-publication=" + setup.late() + "] time").text()).isEqualTo("23:30");
        assertThat(page.select("[data-publication=" + setup.stale() + "]").hasClass("pub-needs-reschedule")).isTrue();
        assertThat(page.select("[data-publication=" + setup.youtubePost() + "]").hasClass("platform-youtube_shorts")).isTrue();
        assertThat(page.select(".cal-title").eachText()).contains("Late night", "Noon post", "Tube post", "Stale post");
        assertThat(page.select("a[rel=next]").attr("href")).startsWith("/calendar?view=month&date=2027-01-01");
    }

    @Test
    void theViewersZoneMovesItemsToTheirLocalDay() {
        Setup setup = setup("Europe/Berlin");

        Document page = setup.member().session().page("/calendar?view=month&date=2026-12-01");

        assertThat(page.select("#viewer-zone").text()).isEqualTo("Europe/Berlin");
        assertThat(itemsOn(page, "2026-12-02")).containsExactly(String.valueOf(setup.late()));
        assertThat(page.select("[data-publication=" + setup.late() + "] time").text()).isEqualTo("05:30");
    }

    @Test
    void weekViewPutsItemsInTheirDayAndHourCells() {
        Setup setup = setup("America/New_York");

        Document page = setup.member().session().page("/calendar?view=week&date=2026-12-10");

        assertThat(page.select("h1").text()).isEqualTo("Week of 2026-12-07 – 2026-12-13");
        assertThat(page.select("td[data-date=2026-12-09][data-hour=12] .cal-item").eachAttr("data-publication"))
                .containsExactly(String.valueOf(setup.noon()));
        assertThat(page.select("td[data-date=2026-12-09][data-hour=14] .cal-item").eachAttr("data-publication"))
                .containsExactly(String.valueOf(setup.youtubePost()));
        assertThat(page.select(".cal-item")).hasSize(2);
        assertThat(page.select("a[rel=prev]").attr("href")).startsWith("/calendar?view=week&date=2026-11-30");
    }

    @Test
    void filtersNarrowTheItems() {
        Setup setup = setup("America/New_York");
        String month = "/calendar?view=month&date=2026-12-01";

        assertThat(setup.member().session().page(month + "&platform=YOUTUBE_SHORTS").select(".cal-item").eachAttr("data-publication"))
                .containsExactly(String.valueOf(setup.youtubePost()), String.valueOf(setup.stale()));
        assertThat(setup.member().session().page(month + "&channel=" + setup.tiktok()).select(".cal-item").eachAttr("data-publication"))
                .containsExactly(String.valueOf(setup.late()), String.valueOf(setup.noon()));
        assertThat(setup.member().session().page(month + "&status=NEEDS_RESCHEDULE").select(".cal-item").eachAttr("data-publication"))
                .containsExactly(String.valueOf(setup.stale()));
        Document filtered = setup.member().session().page(month + "&status=SCHEDULED&brand=-1");
        assertThat(filtered.select(".cal-item")).isEmpty();
        assertThat(filtered.select("a[rel=next]").attr("href")).contains("&brand=-1", "&status=SCHEDULED");
    }

    @Test
    void otherBrandsPublicationsAreNotShown() {
        Setup mine = setup("America/New_York");
        Setup theirs = setup("America/New_York");

        Document page = mine.member().session().page("/calendar?view=month&date=2026-12-01");

        assertThat(page.select("[data-publication=" + theirs.late() + "]")).isEmpty();
        assertThat(mine.member().session().get("/calendar/publications/" + theirs.late()).statusCode()).isEqualTo(404);
    }
}
