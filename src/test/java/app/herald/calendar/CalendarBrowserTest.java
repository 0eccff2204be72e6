package app.herald.calendar;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import app.herald.web.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drag and drop in a real browser (Debian's Chromium, never a downloaded one): a move that passes the checks is
 * persisted, one onto a full day snaps back showing the server's reason.
 */
@QuarkusTest
class CalendarBrowserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void draggingAnItemReschedulesItAndAConflictingDropSnapsBack() {
        // A week at least two days ahead, so every slot in it is inside TikTok's window and in the future.
        LocalDate week = LocalDate.now(NEW_YORK).plusDays(9).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monday = week;
        LocalDate wednesday = week.plusDays(2);
        LocalDate friday = week.plusDays(4);
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", 1, 0, ChannelStatus.ACTIVE);
        long moving = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Drag me"), channel,
                monday.atTime(10, 0).atZone(NEW_YORK).toInstant(), PublicationStatus.SCHEDULED);
        CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Full day"), channel,
                friday.atTime(10, 0).atZone(NEW_YORK).toInstant(), PublicationStatus.SCHEDULED);
        CalendarFixture.Member member = CalendarFixture.member(brand, Role.MANAGER);
        CalendarFixture.setZone(member, "America/New_York");

        try (Page page = chromium.browser().newPage()) {
            Chromium.signIn(page, base, member.username(), DemoUsers.PASSWORD);
            String calendar = base + "calendar?view=week&date=" + monday;
            page.navigate(calendar);
            Locator item = page.locator("[data-publication=\"" + moving + "\"]");

            item.dragTo(page.locator("td[data-date=\"" + wednesday + "\"][data-hour=\"15\"]"));
            PlaywrightAssertions.assertThat(page.locator("#cal-message")).containsText("Moved 'Drag me'");

            page.navigate(calendar);
            PlaywrightAssertions.assertThat(page.locator("td[data-date=\"" + wednesday + "\"][data-hour=\"15\"] [data-publication=\""
                    + moving + "\"]")).hasCount(1);
            Instant expected = wednesday.atTime(15, 0).atZone(NEW_YORK).toInstant();
            assertThat(CalendarFixture.load(moving).scheduledAt).isEqualTo(expected);

            page.locator("[data-publication=\"" + moving + "\"]")
                    .dragTo(page.locator("td[data-date=\"" + friday + "\"][data-hour=\"16\"]"));
            PlaywrightAssertions.assertThat(page.locator("#cal-message")).containsText("its daily cap is 1");
            PlaywrightAssertions.assertThat(page.locator("#cal-message")).hasClass(java.util.regex.Pattern.compile("flash-error"));
            PlaywrightAssertions.assertThat(page.locator("td[data-date=\"" + wednesday + "\"][data-hour=\"15\"] [data-publication=\""
                    + moving + "\"]")).hasCount(1);
            assertThat(CalendarFixture.load(moving).scheduledAt).isEqualTo(expected);
        }
    }
}
