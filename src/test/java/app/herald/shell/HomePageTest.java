package app.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.Notification;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The home page tells each role what needs them, and says what to do when nothing does. */
@QuarkusTest
class HomePageTest {

    private static final List<String> SECTIONS = List.of("#home-notifications", "#home-review", "#home-content", "#home-week");

    @Test
    void eachDemoUserSeesTheSectionsOfTheirRoles() {
        assertThat(sections(DemoUsers.marketer().page("/"))).containsExactly("#home-notifications", "#home-content");
        assertThat(sections(DemoUsers.reviewer().page("/"))).containsExactly("#home-notifications", "#home-review");
        assertThat(sections(DemoUsers.manager().page("/"))).containsExactly("#home-notifications", "#home-week");
        assertThat(sections(DemoUsers.admin().page("/"))).containsExactlyElementsOf(SECTIONS);
    }

    @Test
    void demoReviewerSeesTheDemoItemWaitingAndDemoManagerTheDemoSchedule() {
        Document reviewer = DemoUsers.reviewer().page("/");
        assertThat(reviewer.select("#home-review .figure").text()).matches("\\d+ items? waits? for review\\.");
        assertThat(reviewer.select("#home-review .oldest a").attr("href")).startsWith("/review/");

        Document manager = DemoUsers.manager().page("/");
        String zone = manager.select("#home-week .zone-label strong").text();
        assertThat(zone).isNotBlank();
        assertThat(manager.select("#home-week li").eachText()).anySatisfy(line -> assertThat(line)
                .contains("Sunrise hike at Bear Ridge", "Sandbox", "(" + zone + ")"));
    }

    @Test
    void aNewMemberOfAQuietBrandIsToldWhatToDoInEverySection() {
        long brand = CalendarFixture.brand("Europe/Berlin");
        Member everyone = CalendarFixture.member(brand, EnumSet.of(Role.MARKETER, Role.REVIEWER, Role.MANAGER));

        Document home = everyone.session().page("/");

        assertThat(sections(home)).containsExactlyElementsOf(SECTIONS);
        assertThat(home.select("#home-notifications .empty").text()).startsWith("No unread notifications.");
        assertThat(home.select("#home-review .empty").text()).startsWith("Nothing waits for review.");
        assertThat(home.select("#home-content .empty").first().text()).startsWith("You have not created any content yet.");
        assertThat(home.select("#home-content .empty a").attr("href")).isEqualTo("/content/new");
        assertThat(home.select("#home-content .empty").last().text()).startsWith("Nothing was sent back to you.");
        assertThat(home.select("#home-week .empty").text()).startsWith("Nothing is scheduled in the next 7 days.");
        assertThat(home.select("#no-brand")).isEmpty();
    }

    @Test
    void aUserInNoBrandIsToldToAskAnAdmin() {
        String name = CalendarFixture.unique("nobrand").replace(" ", "-");
        DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "No Brand",
                "password", "a-long-password", "roles", List.of("REVIEWER")));

        Document home = WebSession.signIn(name, "a-long-password").page("/");

        assertThat(home.select("#no-brand").text()).contains("not a member of any brand", "Ask an admin");
        assertThat(home.select("#home-review .empty").text()).startsWith("Nothing waits for review.");
    }

    @Test
    void reviewerSeesTheQueueCountAndTheOldestWaitingItemWithItsAge() {
        long brand = CalendarFixture.brand("America/New_York");
        Member marketer = CalendarFixture.member(brand, Role.MARKETER);
        Member reviewer = CalendarFixture.member(brand, Role.REVIEWER);
        assertThat(reviewer.session().page("/").select("#home-review .empty").text()).startsWith("Nothing waits");

        long first = submit(marketer, brand, "First in line");
        submit(marketer, brand, "Second in line");
        submittedAgo(first, Duration.ofHours(27).plusMinutes(5));
        Document home = reviewer.session().page("/");

        assertThat(home.select("#home-review .figure").text()).isEqualTo("2 items wait for review.");
        assertThat(home.select("#home-review .oldest a").attr("href")).isEqualTo("/review/" + first);
        assertThat(home.select("#home-review .oldest").text()).contains("First in line", "submitted by " + marketer.username());
        assertThat(home.select("#home-review .age").text()).isEqualTo("1 day 3 h");
    }

    @Test
    void marketerSeesTheirItemsByStateAndWhatWasSentBackWithTheReviewersComment() {
        long brand = CalendarFixture.brand("America/New_York");
        Member marketer = CalendarFixture.member(brand, Role.MARKETER);
        Member reviewer = CalendarFixture.member(brand, Role.REVIEWER);
        assertThat(marketer.session().page("/").select("#home-content .sent-back")).isEmpty();

        ContentFixture.create(marketer.session(), "Still a draft", "draft", Map.of("brandId", brand));
        long sentBack = submit(marketer, brand, "Needs a disclaimer");
        submit(marketer, brand, "Waiting quietly");
        assertThat(reviewer.session().submit("/review/" + sentBack, "/review/" + sentBack + "/request-changes",
                Map.of("comment", "Add the trail-rules disclaimer, please.")).statusCode()).isEqualTo(303);

        Document home = marketer.session().page("/");

        assertThat(home.select("#home-content .state-counts li").eachText())
                .containsExactly("Draft 1", "Submitted 1", "Changes requested 1");
        assertThat(home.select("#home-content .sent-back li")).hasSize(1);
        assertThat(home.select("#home-content .sent-back li > a").attr("href")).isEqualTo("/content/" + sentBack);
        assertThat(home.select("#home-content .sent-back li").text())
                .contains("Needs a disclaimer", reviewer.username() + " requested changes");
        assertThat(home.select("#home-content .sent-back blockquote").text()).isEqualTo("Add the trail-rules disclaimer, please.");
    }

    @Test
    void managerSeesTheComingWeeksPublicationsWithTimesInTheirZone() {
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Home TikTok", "America/New_York", 15, 0,
                ChannelStatus.ACTIVE);
        Instant soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        long shown = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Trail opening day"), channel, soon,
                PublicationStatus.SCHEDULED);
        CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Next month's trail"), channel,
                Instant.now().plus(Duration.ofDays(9)), PublicationStatus.SCHEDULED);
        CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Missed trail"), channel,
                Instant.now().minus(Duration.ofHours(2)), PublicationStatus.NEEDS_RESCHEDULE);
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        CalendarFixture.setZone(manager, "Europe/Berlin");

        Document home = manager.session().page("/");

        assertThat(home.select("#home-week .zone-label").text()).isEqualTo("Times in Europe/Berlin.");
        assertThat(home.select("#home-week li")).hasSize(1);
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(soon.atZone(ZoneId.of("Europe/Berlin")));
        assertThat(home.select("#home-week li time").text()).startsWith(local).endsWith("(Europe/Berlin)");
        assertThat(home.select("#home-week li").text()).contains("TikTok", "Home TikTok", "Trail opening day");
        assertThat(home.select("#home-week li a").attr("href")).isEqualTo("/calendar/publications/" + shown);
    }

    @Test
    void unreadNotificationsShowUntilMarkedRead() {
        long brand = CalendarFixture.brand("America/New_York");
        Member marketer = CalendarFixture.member(brand, Role.MARKETER);
        assertThat(marketer.session().page("/").select("#home-notifications .empty")).hasSize(1);

        notify(marketer.username(), "'Trail day' missed its slot; pick a new time.", "/calendar/publications/1");
        Document home = marketer.session().page("/");

        assertThat(home.select("#home-notifications .figure").text()).isEqualTo("1 unread");
        assertThat(home.select("#home-notifications li").text()).contains("'Trail day' missed its slot; pick a new time.");
        assertThat(home.select("#home-notifications li a").attr("href")).isEqualTo("/calendar/publications/1");
        assertThat(home.select(".notif-count").text()).isEqualTo("1");

        assertThat(marketer.session().submit("/notifications", "/notifications/read", Map.of()).statusCode()).isEqualTo(303);
        Document after = marketer.session().page("/");
        assertThat(after.select("#home-notifications .empty").text()).startsWith("No unread notifications.");
        assertThat(after.select(".notif-count")).isEmpty();
    }

    private static List<String> sections(Document home) {
        return SECTIONS.stream().filter(id -> !home.select(id).isEmpty()).toList();
    }

    private static long submit(Member author, long brand, String title) {
        return ContentFixture.create(author.session(), title, "submit", Map.of("brandId", brand));
    }

    private static void submittedAgo(long contentId, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> ContentItem.<ContentItem>findById(contentId).submittedAt =
                Instant.now().minus(ago));
    }

    private static void notify(String recipient, String message, String link) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = new Notification();
            notification.recipient = recipient;
            notification.message = message;
            notification.link = link;
            notification.createdAt = Instant.now();
            notification.persist();
        });
    }
}
