package app.herald.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.herald.account.AccountsFixture;
import app.herald.account.DemoUsers;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentFixture;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open the calendar and channel routes, CSRF on every new form, and escaping of user text. */
@QuarkusTest
class CalendarRoutesTest {

    private static final int LOGIN = DemoUsers.LOGIN;

    private static long channelId;
    private static long contentId;
    private static long publicationId;

    /** One demo-brand channel, approved content and publication shared by the matrix rows. */
    private static synchronized void demoData() {
        if (channelId == 0) {
            long brand = ContentFixture.demoBrandId();
            channelId = CalendarFixture.channel(brand, Platform.FACEBOOK_REELS, "America/New_York", 30, 0, ChannelStatus.ACTIVE);
            contentId = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Routes"));
            publicationId = CalendarFixture.publication(contentId, channelId, Instant.parse("2026-12-03T18:00:00Z"),
                    PublicationStatus.SCHEDULED);
        }
    }

    /** Expected status per visitor: anonymous, marketer, reviewer, manager, admin. */
    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/calendar", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/calendar?view=week", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/calendar/publications/{publication}", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/calendar/schedule/{content}", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/calendar/blackouts", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/channels", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/channels/{channel}", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/profile", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/notifications", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/calendar.ics", List.of(404, 404, 404, 404, 404)),
                Arguments.of("/calendar.ics?token=not-a-token", List.of(404, 404, 404, 404, 404)));
    }

    private static String path(String route) {
        demoData();
        return route.replace("{publication}", String.valueOf(publicationId)).replace("{content}", String.valueOf(contentId))
                .replace("{channel}", String.valueOf(channelId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachVisitorGetsTheExpectedAnswer(String route, List<Integer> expected) {
        String path = path(route);
        DemoUsers.assertEachVisitorGets(path, expected);
    }

    /** POST routes, the role that may use them, and the fields of a valid post. */
    static Stream<Arguments> posts() {
        return Stream.of(
                Arguments.of("/channels", Map.of("brandId", "{brand}", "platform", "TIKTOK", "displayName", "Forged",
                        "timezone", "UTC", "status", "ACTIVE")),
                Arguments.of("/channels/{channel}", Map.of("brandId", "{brand}", "platform", "FACEBOOK_REELS",
                        "displayName", "Forged", "timezone", "UTC", "status", "PAUSED")),
                Arguments.of("/calendar/schedule/{content}", Map.of("channelId", "{channel}", "at", "2026-12-04T10:00",
                        "include", "{channel}")),
                Arguments.of("/calendar/publications/{publication}/reschedule", Map.of("at", "2026-12-05T13:00")),
                Arguments.of("/calendar/blackouts", Map.of("brandId", "{brand}", "day", "2026-12-31")),
                Arguments.of("/profile/zone", Map.of("timezone", "Asia/Tokyo")),
                Arguments.of("/profile/ical-token", Map.of()),
                Arguments.of("/profile/ical-token/revoke", Map.of()),
                Arguments.of("/notifications/read", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void postsWithoutTheCsrfTokenAreRefusedAndChangeNothing(String route, Map<String, String> fields) {
        String path = path(route);
        WebSession admin = DemoUsers.admin();
        admin.get("/calendar");
        Map<String, String> values = new java.util.HashMap<>();
        fields.forEach((name, value) -> values.put(name, path(value).replace("{brand}",
                String.valueOf(ContentFixture.demoBrandId()))));
        String before = snapshot();

        Response forged = admin.submitWithoutToken(path, values);

        assertThat(forged.statusCode()).as(path).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** The rows the forged posts above would change. */
    private static String snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publication publication = Publication.findById(publicationId);
            Channel channel = Channel.findById(channelId);
            return Channel.count("displayName", "Forged") + "|" + channel.status + "|" + publication.scheduledAt + "|"
                    + Publication.count("content.id", contentId) + "|" + BlackoutDate.count() + "|"
                    + AccountsFixture.load("admin").timezone + "|" + AccountsFixture.load("admin").icalTokenHash + "|"
                    + Notification.count("readAt is null");
        });
    }

    @Test
    void everyFormOnTheNewPagesCarriesTheToken() {
        demoData();
        WebSession admin = DemoUsers.admin();
        for (String page : List.of("/calendar", "/channels", "/channels/" + channelId, "/calendar/publications/" + publicationId,
                "/calendar/schedule/" + contentId, "/calendar/blackouts", "/profile", "/notifications")) {
            admin.page(page).select("form[method=post]").forEach(form ->
                    assertThat(form.select("input[name=csrf-token]").attr("value")).as(page).isNotBlank());
        }
        assertThat(admin.page("/calendar").select("meta[name=csrf-token]").attr("content")).isNotBlank();
    }

    @Test
    void channelNamesAndTitlesAreEscapedOnTheCalendarAndThePublicationPage() {
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        long brand = ContentFixture.demoBrandId();
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Ch " + payload, "America/New_York", 15, 0,
                ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Title " + payload);
        long publication = CalendarFixture.publication(content, channel, Instant.parse("2026-12-08T15:00:00Z"),
                PublicationStatus.SCHEDULED);
        WebSession admin = DemoUsers.admin();

        for (String page : List.of("/calendar?view=month&date=2026-12-01", "/calendar?view=week&date=2026-12-08",
                "/calendar/publications/" + publication, "/channels", "/channels/" + channel)) {
            String html = admin.get(page).body().asString();
            Document document = Jsoup.parse(html);
            assertThat(document.select("script:containsData(alert)")).as(page).isEmpty();
            assertThat(document.select("img[onerror]")).as(page).isEmpty();
            assertThat(html).as(page).contains("&lt;script&gt;");
        }
        assertThat(admin.page("/calendar/publications/" + publication).text()).contains("Title " + payload, "Ch " + payload);
    }
}
