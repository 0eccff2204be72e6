package app.herald.calendar;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-user iCalendar feed: parseable, one event per publication, stable UIDs, and tokens that can be revoked. */
@QuarkusTest
class IcalFeedTest {

    private static String newFeedUrl(CalendarFixture.Member member) {
        Response page = member.session().submit("/profile", "/profile/ical-token", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        String url = org.jsoup.Jsoup.parse(page.body().asString()).select(".feed-url").text();
        return url.substring(url.indexOf("/calendar.ics"));
    }

    private static Calendar fetch(String feedPath) throws Exception {
        Response response = given().redirects().follow(false).get(feedPath);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        return new CalendarBuilder().build(new StringReader(response.body().asString()));
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void theFeedHasOneEventPerPublicationWithStableUidsAndUtcStarts() throws Exception {
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Feed TikTok", "America/New_York", 15, 0,
                ChannelStatus.ACTIVE);
        long first = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Feed one"), channel,
                Instant.parse("2026-12-03T15:00:00Z"), PublicationStatus.SCHEDULED);
        long second = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Feed two"), channel,
                Instant.parse("2026-12-04T15:00:00Z"), PublicationStatus.SCHEDULED);
        CalendarFixture.Member member = CalendarFixture.member(brand, Role.MARKETER);
        String feed = newFeedUrl(member);

        List<VEvent> events = fetch(feed).getComponents("VEVENT");

        assertThat(events).hasSize(2);
        VEvent one = events.stream().filter(e -> property(e, "UID").equals("publication-" + first + "@herald")).findFirst()
                .orElseThrow();
        assertThat(property(one, "SUMMARY")).isEqualTo("TikTok · Feed TikTok [Sandbox]: Feed one");
        assertThat(property(one, "DTSTART")).isEqualTo("20261203T150000Z");
        assertThat(property(one, "URL")).endsWith("/calendar/publications/" + first);

        QuarkusTransactionMove.to(second, Instant.parse("2026-12-05T16:30:00Z"));
        VEvent moved = fetch(feed).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> property(e, "UID").equals("publication-" + second + "@herald")).findFirst().orElseThrow();
        assertThat(property(moved, "DTSTART")).isEqualTo("20261205T163000Z");
    }

    @Test
    void invalidRegeneratedAndRevokedTokensGet404() {
        long brand = CalendarFixture.brand("Europe/Berlin");
        CalendarFixture.Member member = CalendarFixture.member(brand, Role.MANAGER);
        String old = newFeedUrl(member);
        String current = newFeedUrl(member);

        assertThat(given().get(old).statusCode()).isEqualTo(404);
        assertThat(given().get(current).statusCode()).isEqualTo(200);
        assertThat(given().get("/calendar.ics?token=nope").statusCode()).isEqualTo(404);

        assertThat(member.session().submit("/profile", "/profile/ical-token/revoke", Map.of()).statusCode()).isEqualTo(303);
        assertThat(given().get(current).statusCode()).isEqualTo(404);
    }

    /** Moves a publication directly, as a reschedule would. */
    private static final class QuarkusTransactionMove {
        static void to(long publicationId, Instant at) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                Publication publication = Publication.findById(publicationId);
                publication.scheduledAt = at;
            });
        }
    }
}
