package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.analytics.AnalyticsFixture.DataSet;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The weekly digest on the fixed data set of {@link AnalyticsFixture} (brand zone Europe/Berlin): on Monday
 * 2026-03-09 from 08:00 each manager with an address gets last week's (2026-03-02 to 03-08) dashboard numbers once.
 */
@QuarkusTest
class WeeklyDigestTest {

    /** Monday 2026-03-09 08:30 in Berlin (UTC+1). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-09T07:30:00Z");

    @Inject
    MockMailbox mailbox;

    @Inject
    WeeklyDigest digest;

    private static String giveAddress(Member member) {
        String address = member.username() + "@example.org";
        assertThat(member.session().submit("/profile", "/profile/email", Map.of("email", address)).statusCode())
                .isEqualTo(303);
        return address;
    }

    @Test
    void eachManagerGetsLastWeeksDashboardNumbersOnceAndOnlyAboutTheirBrand() {
        DataSet a = AnalyticsFixture.create();
        DataSet b = AnalyticsFixture.create();
        String managerA = giveAddress(a.manager());
        String managerB = giveAddress(b.manager());
        String marketerA = giveAddress(a.owner1());

        digest.send(MONDAY_MORNING);
        digest.send(MONDAY_MORNING.plusSeconds(3600));

        List<Mail> mails = mailbox.getMailsSentTo(managerA);
        assertThat(mails).as("two runs, one digest").hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Herald weekly digest: " + a.brandName() + ", 2026-03-02 – 2026-03-08");
        JsonPath kpis = a.manager().session().get("/analytics/data/kpis?" + a.query()).jsonPath();
        for (int i = 0; i < 5; i++) {
            assertThat(mail.getText()).contains("- " + kpis.getString("kpis[" + i + "].label") + ": "
                    + kpis.getString("kpis[" + i + "].currentText") + " (" + kpis.getString("kpis[" + i + "].delta")
                    + "; week before: " + kpis.getString("kpis[" + i + "].previousText") + ")");
        }
        assertThat(mail.getText()).contains("- Views: 10k (+25.0%; week before: 8k)",
                "- Followers gained: 30 (−25.0%; week before: 40)",
                "2026-03-02 – 2026-03-08 (7 days, Europe/Berlin)",
                "/analytics?brand=" + a.brand() + "&period=custom&from=2026-03-02&to=2026-03-08", "/profile");
        assertThat(mail.getText()).doesNotContain(b.brandName());

        List<Mail> other = mailbox.getMailsSentTo(managerB);
        assertThat(other).hasSize(1);
        assertThat(other.get(0).getSubject()).contains(b.brandName()).doesNotContain(a.brandName());
        assertThat(other.get(0).getText()).doesNotContain(a.brandName());

        assertThat(mailbox.getMailsSentTo(marketerA)).as("a marketer gets no digest").isEmpty();
        assertThat(sentAt(a.manager(), a.brand())).isNotNull();
    }

    @Test
    void aManagerWhoOptedOutOnTheProfilePageGetsNone() {
        DataSet a = AnalyticsFixture.create();
        Member quiet = CalendarFixture.member(a.brand(), Role.MANAGER);
        String address = giveAddress(quiet);
        Document before = quiet.session().page("/profile");
        assertThat(before.select("input[name=weeklyDigest]").hasAttr("checked")).isTrue();

        assertThat(quiet.session().submit("/profile", "/profile/digest", Map.of()).statusCode()).isEqualTo(303);
        Document after = quiet.session().page("/profile");
        assertThat(after.select(".flash").text()).isEqualTo("You will no longer get the weekly analytics digest.");
        assertThat(after.select("input[name=weeklyDigest]").hasAttr("checked")).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(quiet.username()).orElseThrow()
                .weeklyDigest)).isFalse();

        String other = giveAddress(a.manager());
        digest.send(MONDAY_MORNING);
        assertThat(mailbox.getMailsSentTo(address)).isEmpty();
        assertThat(mailbox.getMailsSentTo(other)).hasSize(1);

        assertThat(quiet.session().submit("/profile", "/profile/digest", Map.of("weeklyDigest", "on")).statusCode())
                .isEqualTo(303);
        assertThat(quiet.session().page("/profile").select("input[name=weeklyDigest]").hasAttr("checked")).isTrue();
    }

    @Test
    void onlyManagersSeeTheDigestSettingOnTheirProfile() {
        DataSet a = AnalyticsFixture.create();
        assertThat(a.owner1().session().page("/profile").select("#digest, input[name=weeklyDigest]")).isEmpty();
        assertThat(a.manager().session().page("/profile").select("#digest").text()).isEqualTo("Weekly analytics digest");
    }

    @Test
    void lastWeekIsDueFromMondayAtTheConfiguredHourInTheBrandsZone() {
        var berlin = AnalyticsFixture.ZONE;
        AnalyticsPeriod beforeEight = WeeklyDigest.lastWeek(LocalDateTime.parse("2026-03-09T07:59").atZone(berlin).toInstant(),
                berlin, 8);
        assertThat(beforeEight.from()).isEqualTo(LocalDate.parse("2026-02-23"));
        assertThat(beforeEight.to()).isEqualTo(LocalDate.parse("2026-03-01"));
        AnalyticsPeriod atEight = WeeklyDigest.lastWeek(LocalDateTime.parse("2026-03-09T08:00").atZone(berlin).toInstant(),
                berlin, 8);
        assertThat(atEight.from()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(atEight.to()).isEqualTo(LocalDate.parse("2026-03-08"));
        AnalyticsPeriod sunday = WeeklyDigest.lastWeek(Instant.parse("2026-03-15T22:30:00Z"), berlin, 8);
        assertThat(sunday.from()).as("Sunday 23:30 in Berlin").isEqualTo(LocalDate.parse("2026-03-02"));
        // 07:30 UTC on Monday is 08:30 in Berlin but still Monday 02:30 in New York: that brand's digest waits.
        assertThat(WeeklyDigest.lastWeek(MONDAY_MORNING, java.time.ZoneId.of("America/New_York"), 8).to())
                .isEqualTo(LocalDate.parse("2026-03-01"));
    }

    private static Object sentAt(Member manager, long brand) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.getEntityManager().createNativeQuery(
                "SELECT d.sent_at FROM digest_delivery d JOIN app_user u ON u.id = d.user_id"
                        + " WHERE u.username = ?1 AND d.brand_id = ?2 AND d.week_start = ?3")
                .setParameter(1, manager.username()).setParameter(2, brand).setParameter(3, LocalDate.parse("2026-03-02"))
                .getSingleResult());
    }
}
