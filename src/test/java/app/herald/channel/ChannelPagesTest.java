package app.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Channel pages: admins add and edit channels with platform defaults and a checked zone; others only read. */
@QuarkusTest
class ChannelPagesTest {

    private static Map<String, Object> fields(String name, String platform, String zone) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("brandId", ContentFixture.demoBrandId());
        fields.put("platform", platform);
        fields.put("displayName", name);
        fields.put("timezone", zone);
        fields.put("status", "ACTIVE");
        return fields;
    }

    private static Channel byName(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>find("displayName", name).firstResult());
    }

    @Test
    void demoDataHasOneSandboxChannelPerPlatformLabelledAsSuch() {
        Document page = DemoUsers.marketer().page("/channels");

        assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
                .contains("TikTok · Northwind TikTok", "Sandbox", "Sandbox (TikTok)", "America/New_York", "15", "96 min"));
        assertThat(page.select("tbody tr:contains(Northwind YouTube Shorts) .badge-sandbox")).hasSize(1);
        assertThat(page.select("tbody tr:contains(Northwind Facebook Reels) .badge-sandbox")).hasSize(1);
        assertThat(page.select("form[action=/channels]")).isEmpty();
    }

    @Test
    void anAdminAddsAChannelWithThePlatformsDefaultLimits() {
        String name = "Trail TikTok " + UUID.randomUUID().toString().substring(0, 6);

        Response created = DemoUsers.admin().submit("/channels", "/channels", fields(name, "TIKTOK", "Europe/Berlin"));

        assertThat(created.statusCode()).isEqualTo(303);
        Channel channel = byName(name);
        assertThat(channel.dailyCap).isEqualTo(15);
        assertThat(channel.minGapMinutes).isEqualTo(96);
        assertThat(channel.timezone).isEqualTo("Europe/Berlin");
        assertThat(channel.sandbox).isFalse();
        assertThat(DemoUsers.admin().page("/channels/" + channel.id).select("dd").eachText()).contains("TikTok account");
    }

    @Test
    void invalidValuesAreRefusedKeepingWhatWasTyped() {
        String name = "Bad zone " + UUID.randomUUID().toString().substring(0, 6);
        Response refused = DemoUsers.admin().submit("/channels", "/channels", fields(name, "FACEBOOK_REELS", "Mars/Olympus"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).contains("'Mars/Olympus' is not an IANA zone id");
        assertThat(page.select("input[name=displayName]").val()).isEqualTo(name);
        assertThat(byName(name)).isNull();

        Map<String, Object> overCap = fields(name, "FACEBOOK_REELS", "UTC");
        overCap.put("dailyCap", "31");
        Response capRefused = DemoUsers.admin().submit("/channels", "/channels", overCap);
        assertThat(Jsoup.parse(capRefused.body().asString()).select(".form-error").text())
                .contains("Daily cap must be between 1 and 30");
    }

    @Test
    void anAdminPausesAChannelAndOthersCannotEdit() {
        String name = "Pause me " + UUID.randomUUID().toString().substring(0, 6);
        DemoUsers.admin().submit("/channels", "/channels", fields(name, "YOUTUBE_SHORTS", "UTC"));
        long id = byName(name).id;
        Map<String, Object> paused = fields(name, "YOUTUBE_SHORTS", "UTC");
        paused.put("status", "PAUSED");
        paused.put("dailyCap", "5");

        assertThat(DemoUsers.manager().submit("/channels/" + id, "/channels/" + id, paused).statusCode()).isEqualTo(403);
        assertThat(DemoUsers.admin().submit("/channels/" + id, "/channels/" + id, paused).statusCode()).isEqualTo(303);

        Channel channel = byName(name);
        assertThat(channel.status).isEqualTo(ChannelStatus.PAUSED);
        assertThat(channel.dailyCap).isEqualTo(5);
    }

    @Test
    void anAdminSetsASandboxChannelsFailureModeAndARealChannelHasNone() {
        String name = "Flaky " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> sandbox = fields(name, "TIKTOK", "UTC");
        sandbox.put("sandbox", "true");
        DemoUsers.admin().submit("/channels", "/channels", sandbox);
        long id = byName(name).id;
        String page = "/channels/" + id;

        assertThat(DemoUsers.admin().page(page).select("select[name=failureMode] option").eachText())
                .contains("None: every post goes through", "Rate-limited for N minutes", "Revoked token (needs reconnecting)");
        assertThat(DemoUsers.manager().submit(page, page + "/sandbox", Map.of("failureMode", "REVOKED_TOKEN")).statusCode())
                .isEqualTo(403);
        Response badMinutes = DemoUsers.admin().submit(page, page + "/sandbox",
                Map.of("failureMode", "RATE_LIMITED", "failureMinutes", "0"));
        assertThat(badMinutes.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badMinutes.body().asString()).select(".form-error").text())
                .contains("Minutes rate-limited must be between 1 and 1440");
        assertThat(byName(name).sandboxFailureMode).isEqualTo(SandboxFailureMode.NONE);

        assertThat(DemoUsers.admin().submit(page, page + "/sandbox",
                Map.of("failureMode", "RATE_LIMITED", "failureMinutes", "12")).statusCode()).isEqualTo(303);
        Channel channel = byName(name);
        assertThat(channel.sandboxFailureMode).isEqualTo(SandboxFailureMode.RATE_LIMITED);
        assertThat(channel.sandboxFailureMinutes).isEqualTo(12);
        assertThat(DemoUsers.admin().page(page).select("dd").eachText()).contains("Rate-limited for N minutes");

        String realName = "Real " + UUID.randomUUID().toString().substring(0, 6);
        DemoUsers.admin().submit("/channels", "/channels", fields(realName, "TIKTOK", "UTC"));
        long real = byName(realName).id;
        assertThat(DemoUsers.admin().page("/channels/" + real).select("select[name=failureMode]")).isEmpty();
        Response refused = DemoUsers.admin().submit("/channels/" + real, "/channels/" + real + "/sandbox",
                Map.of("failureMode", "REVOKED_TOKEN"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text())
                .contains("Only Sandbox channels have a failure mode");
        assertThat(byName(realName).sandboxFailureMode).isEqualTo(SandboxFailureMode.NONE);
    }

    @Test
    void withoutCredentialsAPlatformSaysWhichSettingsToFillAndCannotBeConnected() {
        long brand = ContentFixture.demoBrandId();
        Document page = DemoUsers.admin().page("/channels");

        assertThat(page.select("a[href^=/channels/connect/]")).as("connect buttons").isEmpty();
        assertThat(page.select(".connect-list li").eachText()).containsExactly(
                "YouTube Shorts cannot be connected yet: set herald.youtube.client-id and herald.youtube.client-secret"
                        + " (HERALD_YOUTUBE_CLIENT_ID, HERALD_YOUTUBE_CLIENT_SECRET) to Herald's Google OAuth client.",
                "TikTok cannot be connected yet: set herald.tiktok.client-key and herald.tiktok.client-secret"
                        + " (HERALD_TIKTOK_CLIENT_KEY, HERALD_TIKTOK_CLIENT_SECRET) to Herald's TikTok app.",
                "Facebook Reels cannot be connected yet: set herald.facebook.app-id and herald.facebook.app-secret"
                        + " (HERALD_FACEBOOK_APP_ID, HERALD_FACEBOOK_APP_SECRET) to Herald's Meta app.");
        long attempts = QuarkusTransaction.requiringNew().call(() -> ChannelConnection.count());

        var admin = DemoUsers.admin();
        Response refused = admin.get("/channels/connect/youtube?brand=" + brand);

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.header("Location")).endsWith("/channels");
        assertThat(admin.page("/channels").select(".flash-error").text()).contains("YouTube Shorts cannot be connected yet");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChannelConnection.count())).isEqualTo(attempts);
        assertThat(admin.get("/channels/connect/myspace?brand=" + brand).statusCode()).as("unknown platform").isEqualTo(404);
    }

    @Test
    void aRealYouTubeChannelWarnsThatTestingAppsLoseTheirTokensAfterSevenDays() {
        String name = "Warned " + UUID.randomUUID().toString().substring(0, 6);
        DemoUsers.admin().submit("/channels", "/channels", fields(name, "YOUTUBE_SHORTS", "UTC"));
        Document page = DemoUsers.marketer().page("/channels/" + byName(name).id);

        assertThat(page.select("p.warn").text()).contains("after 7 days", "\"Testing\"", "\"In production\"");
        assertThat(page.select("dd").eachText()).contains("Not connected");
        assertThat(page.select("a[href*=/disconnect]")).as("marketers cannot disconnect").isEmpty();
        String sandbox = QuarkusTransaction.requiringNew().call(() -> String.valueOf(Channel.<Channel>find(
                "sandbox = true and platform = ?1", app.herald.platform.Platform.YOUTUBE_SHORTS).firstResult().id));
        assertThat(DemoUsers.marketer().page("/channels/" + sandbox).select("p.warn")).as("Sandbox channel").isEmpty();
    }

    @Test
    void anAdminLetsYouTubePublishAtTheSlotWithAnUploadLeadAndItsScheduledPublicationsFollow() {
        String name = "Ahead " + UUID.randomUUID().toString().substring(0, 6);
        DemoUsers.admin().submit("/channels", "/channels", fields(name, "YOUTUBE_SHORTS", "UTC"));
        long id = byName(name).id;
        String page = "/channels/" + id;
        assertThat(DemoUsers.admin().page(page).select("dd.publishing").text()).isEqualTo("Herald publishes at the slot");
        long content = app.herald.calendar.CalendarFixture.approvedContent(ContentFixture.demoBrandId(),
                app.herald.calendar.CalendarFixture.unique("Ahead"));
        long scheduled = app.herald.calendar.CalendarFixture.publication(content, id,
                java.time.Instant.now().plus(java.time.Duration.ofDays(2)), app.herald.calendar.PublicationStatus.SCHEDULED);
        Map<String, Object> ahead = fields(name, "YOUTUBE_SHORTS", "UTC");
        ahead.put("platformPublishes", "true");
        ahead.put("uploadLeadMinutes", "90");

        assertThat(DemoUsers.admin().submit(page, page, ahead).statusCode()).isEqualTo(303);

        assertThat(byName(name).uploadLeadMinutes).isEqualTo(90);
        assertThat(DemoUsers.marketer().page(page).select("dd.publishing").text())
                .isEqualTo("uploaded 90 minutes ahead; YouTube Shorts publishes at the slot");
        assertThat(app.herald.calendar.CalendarFixture.load(scheduled).uploadLeadMinutes).isEqualTo(90);
        assertThat(DemoUsers.manager().page("/calendar/publications/" + scheduled).select("dd.publishing").text())
                .isEqualTo("Uploaded 90 minutes ahead; YouTube Shorts publishes it at the slot");

        ahead.remove("platformPublishes");
        assertThat(DemoUsers.admin().submit(page, page, ahead).statusCode()).isEqualTo(303);
        assertThat(byName(name).uploadLeadMinutes).isNull();
        assertThat(app.herald.calendar.CalendarFixture.load(scheduled).uploadLeadMinutes).isZero();
    }

    @Test
    void uploadingAheadIsRefusedForTikTokSandboxesAndALeadTooShortForThePlatform() {
        String name = "Not ahead " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> tiktok = fields(name, "TIKTOK", "UTC");
        tiktok.put("platformPublishes", "true");
        tiktok.put("uploadLeadMinutes", "60");
        Response refused = DemoUsers.admin().submit("/channels", "/channels", tiktok);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).contains("TikTok cannot publish at a set time through its API");
        assertThat(page.select("input[name=platformPublishes]").hasAttr("checked")).as("what was typed stays").isTrue();
        assertThat(byName(name)).isNull();

        Map<String, Object> facebook = fields(name, "FACEBOOK_REELS", "UTC");
        facebook.put("platformPublishes", "true");
        facebook.put("uploadLeadMinutes", "12");
        assertThat(Jsoup.parse(DemoUsers.admin().submit("/channels", "/channels", facebook).body().asString())
                .select(".form-error").text()).contains("Upload lead must be between 15 and 1440 minutes")
                .contains("at least 10 minutes before");
        facebook.put("uploadLeadMinutes", "an hour");
        assertThat(Jsoup.parse(DemoUsers.admin().submit("/channels", "/channels", facebook).body().asString())
                .select(".form-error").text()).contains("Upload lead must be a whole number");
        facebook.put("uploadLeadMinutes", "60");
        facebook.put("sandbox", "true");
        assertThat(Jsoup.parse(DemoUsers.admin().submit("/channels", "/channels", facebook).body().asString())
                .select(".form-error").text()).contains("Sandbox channels publish at the slot");
        assertThat(byName(name)).isNull();
    }
}
