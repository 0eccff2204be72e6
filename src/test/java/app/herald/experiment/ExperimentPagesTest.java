package app.herald.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The experiments pages: proposing slots, refusing bad input, linking posts, stopping, deleting, roles and CSRF. */
@QuarkusTest
class ExperimentPagesTest {

    @Test
    void emptyListsSayWhatToDo() {
        long brand = CalendarFixture.brand("UTC");
        Member manager = CalendarFixture.member(brand, Role.MANAGER);

        assertThat(manager.session().page("/experiments").select("p.empty").text()).contains("No experiments yet");
        assertThat(manager.session().page("/experiments/new").select("p.empty").text())
                .contains("No approved content in your brands yet");
        assertThat(manager.session().page("/").select(".mainnav a[href=/experiments]").text()).isEqualTo("Experiments");
    }

    @Test
    void creatingProposesAlternatingSlotsThatKeepCapsAndBlackoutDates() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long channel = setup.channels().get(0);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(setup.manager().session().submit("/calendar/blackouts", "/calendar/blackouts",
                Map.of("brandId", setup.brand(), "day", tomorrow.plusDays(1).toString())).statusCode()).isEqualTo(303);
        CalendarFixture.channel(setup.brand(), Platform.TIKTOK, "Paused", "UTC", 15, 0, ChannelStatus.PAUSED);
        // The channel's cap is 15: fill the day after the blackout.
        for (int i = 0; i < 15; i++) {
            long other = CalendarFixture.approvedContent(setup.brand(), CalendarFixture.unique("Booked"));
            CalendarFixture.publication(other, channel, tomorrow.plusDays(2).atTime(1, i).toInstant(ZoneOffset.UTC),
                    PublicationStatus.SCHEDULED);
        }
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("minPerArm", "3");

        long experiment = ExperimentFixture.create(setup.manager(), fields);

        Document page = setup.manager().session().page("/experiments/" + experiment);
        List<String> rows = page.select("h2:contains(Proposed slots) ~ table tbody tr").eachText();
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).contains("Only").doesNotContain("Paused")
                .doesNotContain(tomorrow.plusDays(1).toString()).doesNotContain(tomorrow.plusDays(2).toString()));
        assertThat(rows.stream().map(row -> row.substring(0, 1)).toList()).containsExactly("A", "B", "B", "A", "A", "B");
        assertThat(rows.stream().map(row -> row.replaceAll("^.*?(\\d{4}-\\d{2}-\\d{2}).*$", "$1")).distinct())
                .as("one post per day").hasSize(6);
        assertThat(page.select("#verdict").text()).isEqualTo("No difference yet — needs 3 more posts per arm");
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_CREATED'"
                + " and subject_id = ?1 and comment like '%2 arms of the hook%average % viewed, at least 3 posts per arm'",
                experiment)).isEqualTo(1);
        assertThat(setup.manager().session().page("/experiments").select("table").text()).contains(
                (String) fields.get("name"), "TikTok", "Average % viewed", "Running");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("no content chosen", fields -> fields.remove("contentId"), "Choose the content to test."),
                bad("no name", fields -> fields.put("name", "  "), "Give the experiment a name."),
                bad("one arm", fields -> fields.put("arm", List.of("Only one version", "", "")),
                        "An experiment needs at least two arms with text; 1 was given."),
                bad("no arms", fields -> fields.remove("arm"), "An experiment needs at least two arms with text; 0 were given."),
                bad("same text twice", fields -> fields.put("arm", List.of("Same hook", " Same hook ")),
                        "Arms A and B have the same text; each arm must differ."),
                bad("unknown metric", fields -> fields.put("metric", "CLICKS"),
                        "Unknown metric 'CLICKS': choose average % viewed, engagement rate or views."),
                bad("unknown field", fields -> fields.put("field", "MUSIC"),
                        "Unknown field 'MUSIC': choose title, caption, hook or thumbnail."),
                bad("a thumbnail on Facebook Reels, whose covers Herald does not set", fields -> {
                    fields.put("field", "THUMBNAIL");
                    fields.put("platform", "FACEBOOK_REELS");
                    fields.put("arm", List.of("1.5", "3"));
                }, "Herald does not set Facebook Reels covers (the platform shows its own), so it cannot post thumbnail"
                        + " arms there: test the caption or hook there, or thumbnails on YouTube Shorts or TikTok."),
                bad("a title on TikTok, which has none", fields -> fields.put("field", "TITLE"),
                        "TikTok posts have no title of their own in Herald: test the caption or hook there."),
                bad("minimum sample of 1", fields -> fields.put("minPerArm", "1"),
                        "A minimum sample of 1 post per arm cannot show a difference: use at least 2 (5 or more is better)."),
                bad("minimum sample not a number", fields -> fields.put("minPerArm", "lots"),
                        "The minimum sample per arm is a whole number of posts, from 2 to 50."),
                bad("platform without an active channel", fields -> fields.put("platform", "FACEBOOK_REELS"),
                        "has no active Facebook Reels channel: connect or resume one before planning an experiment on it."),
                bad("more posts than the window holds", fields -> {
                    fields.put("minPerArm", "50");
                    fields.put("arm", List.of("One", "Two", "Three", "Four"));
                }, "of the 200 posts fit in TikTok's scheduling window (29 days) on 1 channel"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, String message) {
        return Arguments.of(name, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedWithItsReasonAndTheTypedValuesKept(String name, Consumer<Map<String, Object>> change,
            String message) {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("name", "Kept name " + name);
        change.accept(fields);

        Response response = ExperimentFixture.submit(setup.manager(), fields);

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = org.jsoup.Jsoup.parse(response.body().asString());
        assertThat(page.select(".form-error").text()).contains(message);
        if (!name.equals("no name")) {
            assertThat(page.select("#name").val()).isEqualTo("Kept name " + name);
        }
        if (fields.get("arm") instanceof List<?> arms && !arms.isEmpty()) {
            assertThat(page.select("#arm-0").text()).isEqualTo(String.valueOf(arms.get(0)).strip());
        }
        assertThat(experimentsOf(setup.brand())).isZero();
    }

    @Test
    void thumbnailArmsAreCoverFramesWithinTheVideoNamedByArmAndTheTypedSecondsAreKept() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.thumbnailFields(setup.content());
        Document form = setup.manager().session().page("/experiments/new?content=" + setup.content());
        assertThat(form.select("#field option[value=THUMBNAIL]").text()).isEqualTo("Thumbnail (cover frame)");
        assertThat(form.select("#field-help").text()).contains("seconds into the video, e.g. 1.5");

        Map<List<String>, String> refused = Map.of(
                List.of("1.5", "soon"), "Arm B: 'soon' is not a second of the video.",
                List.of("-2", "3"), "Arm A: '-2' is not a second of the video.",
                List.of("1.5", "12"), "Arm B: 12 s is past the end of the video, which lasts 12 s. Choose a second from 0 to under 12.",
                List.of("1.5", "1,50"), "Arms A and B have the same cover frame (1.5 s); each arm must differ.");
        refused.forEach((arms, message) -> {
            fields.put("arm", arms);
            Response response = ExperimentFixture.submit(setup.manager(), fields);
            assertThat(response.statusCode()).isEqualTo(400);
            Document page = org.jsoup.Jsoup.parse(response.body().asString());
            assertThat(page.select(".form-error").text()).contains(message);
            assertThat(page.select("#arm-0").text()).isEqualTo(arms.get(0));
            assertThat(page.select("#arm-1").text()).isEqualTo(arms.get(1));
            assertThat(page.select("#field option[selected]").val()).isEqualTo("THUMBNAIL");
        });
        assertThat(experimentsOf(setup.brand())).isZero();

        fields.put("arm", List.of(" 1.50 ", "3", "", ""));
        long experiment = ExperimentFixture.create(setup.manager(), fields);

        Document page = setup.manager().session().page("/experiments/" + experiment);
        assertThat(page.select("table").get(0).select("tbody td.comment").eachText())
                .containsExactly("Cover frame at 1.5 s", "Cover frame at 3 s");
        assertThat(page.select("#arm-A .cover").text()).isEqualTo("Cover frame at 1.5 s");
        assertThat(ExperimentFixture.count("select count(*) from experiment_arm where experiment_id = ?1 and text in ('1.5', '3')",
                experiment)).isEqualTo(2);
    }

    @Test
    void thumbnailArmsNeedTheContentsVideo() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("field", "THUMBNAIL");
        fields.put("arm", List.of("1.5", "3"));

        Response response = ExperimentFixture.submit(setup.manager(), fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(response.body().asString()).select(".form-error").text())
                .contains("has no video, so it has no frame to test as a cover: attach its video, or test the title, caption or hook.");
        assertThat(experimentsOf(setup.brand())).isZero();
    }

    @Test
    void contentThatIsNotApprovedOrDoesNotTargetThePlatformIsRefused() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long youtubeOnly = CalendarFixture.approvedContent(setup.brand(), CalendarFixture.unique("YouTube only"),
                SequencingStrategy.BALANCED, EnumSet.of(Platform.YOUTUBE_SHORTS), "marketer");
        Response untargeted = ExperimentFixture.submit(setup.manager(), ExperimentFixture.fields(youtubeOnly));
        assertThat(untargeted.statusCode()).isEqualTo(400);
        assertThat(untargeted.body().asString()).contains("does not target TikTok.");

        CalendarFixture.editAfterApproval(setup.content());
        Response unapproved = ExperimentFixture.submit(setup.manager(), ExperimentFixture.fields(setup.content()));
        assertThat(unapproved.statusCode()).isEqualTo(400);
        assertThat(unapproved.body().asString())
                .contains("is submitted in its current revision: Herald plans experiment posts for approved content only.");
        assertThat(experimentsOf(setup.brand())).isZero();
    }

    @Test
    void contentOfAnotherBrandIsNotFound() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        ExperimentFixture.Setup other = ExperimentFixture.setup("Other");

        Response response = ExperimentFixture.submit(setup.manager(), ExperimentFixture.fields(other.content()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(setup.manager().session().get("/experiments/new?content=" + other.content()).statusCode()).isEqualTo(404);
        assertThat(experimentsOf(other.brand()) + experimentsOf(setup.brand())).isZero();
    }

    @Test
    void aPublicationOfTheArmsOwnContentIsAddedOnceAndOnlyFromTheExperimentsPlatform() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        long armA = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        assertThat(ExperimentFixture.prepare(setup.manager(), experiment).statusCode()).isEqualTo(303);
        long armContent = ExperimentFixture.approveArm(experiment, "A");
        long publication = CalendarFixture.publication(armContent, setup.channels().get(0),
                Instant.now().minus(Duration.ofDays(3)), PublicationStatus.PUBLISHED);
        WebSession manager = setup.manager().session();
        String page = "/experiments/" + experiment;
        String action = page + "/posts";

        assertThat(manager.page(page).select("#publicationId option").eachAttr("value")).contains(String.valueOf(publication));
        assertThat(manager.submit(page, action, Map.of("armId", armA, "publicationId", publication)).statusCode())
                .isEqualTo(303);
        Document shown = manager.page(page);
        assertThat(shown.select("#posts + table").text()).contains("A", "not published or no metrics yet");
        assertThat(shown.select("#arm-A .progress").text()).isEqualTo("1 of 5 posts booked");
        assertThat(shown.select("#publicationId option").eachAttr("value")).doesNotContain(String.valueOf(publication));

        Response twice = manager.submit(page, action, Map.of("armId", armA, "publicationId", publication));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body().asString()).contains("That publication already counts for arm A.");

        long youtube = CalendarFixture.channel(setup.brand(), Platform.YOUTUBE_SHORTS, "UTC", 15, 0, ChannelStatus.ACTIVE);
        long elsewhere = CalendarFixture.publication(armContent, youtube, Instant.now().minus(Duration.ofDays(3)),
                PublicationStatus.PUBLISHED);
        Response wrongPlatform = manager.submit(page, action, Map.of("armId", armA, "publicationId", elsewhere));
        assertThat(wrongPlatform.statusCode()).isEqualTo(400);
        assertThat(wrongPlatform.body().asString())
                .contains("That publication is on YouTube Shorts; this experiment compares posts on TikTok.");

        assertThat(manager.submit(page, action, Map.of("armId", armA)).body().asString())
                .contains("Choose an arm and the publication that carried it.");
        assertThat(ExperimentFixture.count("select count(*) from experiment_post where experiment_id = ?1", experiment))
                .isEqualTo(1);
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_POST_ADDED'"
                + " and subject_id = ?1", experiment)).isEqualTo(1);
    }

    @Test
    void aPublicationOfOtherContentIsRefusedForAnArm() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        long armA = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        long other = CalendarFixture.approvedContent(setup.brand(), CalendarFixture.unique("Some other post"));
        long publication = CalendarFixture.publication(other, setup.channels().get(0),
                Instant.now().minus(Duration.ofDays(3)), PublicationStatus.PUBLISHED);
        WebSession manager = setup.manager().session();
        String page = "/experiments/" + experiment;

        Response unprepared = manager.submit(page, page + "/posts", Map.of("armId", armA, "publicationId", publication));
        assertThat(unprepared.statusCode()).isEqualTo(400);
        assertThat(unprepared.body().asString()).contains("Arm A has no post of its own yet: prepare the arm posts first");

        ExperimentFixture.prepare(setup.manager(), experiment);
        long armB = ExperimentFixture.approveArm(experiment, "B");
        long ofArmB = CalendarFixture.publication(armB, setup.channels().get(0), Instant.now().minus(Duration.ofDays(2)),
                PublicationStatus.PUBLISHED);
        for (long wrong : List.of(publication, ofArmB)) {
            Response refused = manager.submit(page, page + "/posts", Map.of("armId", armA, "publicationId", wrong));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(org.jsoup.Jsoup.parse(refused.body().asString()).select(".form-error").text())
                    .contains("not arm A's own post", "only a publication of the arm's content carries its text");
        }
        assertThat(ExperimentFixture.count("select count(*) from experiment_post where experiment_id = ?1", experiment))
                .isZero();
    }

    @Test
    void stoppingAsksFirstIsAuditedAndTakesNoMorePosts() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        long experiment = ExperimentFixture.create(setup.manager(), fields);
        WebSession manager = setup.manager().session();
        String stop = "/experiments/" + experiment + "/stop";

        Document confirm = manager.page(stop);
        assertThat(confirm.select("h1").text()).isEqualTo("Stop experiment “" + fields.get("name") + "”?");
        assertThat(confirm.select("form[action=" + stop + "] button").text()).isEqualTo("Stop experiment");
        assertThat(status(experiment)).isEqualTo("RUNNING");

        assertThat(manager.submit(stop, stop, Map.of()).statusCode()).isEqualTo(303);

        assertThat(status(experiment)).isEqualTo("STOPPED");
        Document page = manager.page("/experiments/" + experiment);
        assertThat(page.select("h1 .badge").text()).isEqualTo("Stopped");
        assertThat(page.select("#add-post")).isEmpty();
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_STOPPED'"
                + " and subject_id = ?1 and from_state = 'RUNNING' and to_state = 'STOPPED'"
                + " and comment = 'No difference yet — needs 5 more posts per arm'", experiment)).isEqualTo(1);

        long armA = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        long posted = CalendarFixture.approvedContent(setup.brand(), CalendarFixture.unique("Late post"));
        long publication = CalendarFixture.publication(posted, setup.channels().get(0), Instant.now(), PublicationStatus.PUBLISHED);
        Response late = manager.post("/experiments/" + experiment + "/posts", manager.csrfToken("/experiments"),
                Map.of("armId", armA, "publicationId", publication));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body().asString()).contains("is stopped; it takes no more posts.");
        assertThat(manager.submit("/experiments", stop, Map.of()).statusCode()).isEqualTo(303);
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_STOPPED'"
                + " and subject_id = ?1", experiment)).isEqualTo(1);
    }

    @Test
    void deletingAsksFirstRemovesTheExperimentAndKeepsThePublications() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        long publication = ExperimentFixture.viewed(experiment, "A", setup.channels().get(0), 40);
        WebSession manager = setup.manager().session();
        String delete = "/experiments/" + experiment + "/delete";

        assertThat(manager.page(delete).select("form[action=" + delete + "] button").text()).isEqualTo("Delete experiment");
        assertThat(experimentsOf(setup.brand())).isEqualTo(1);

        Response deleted = manager.submit(delete, delete, Map.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.header("Location")).endsWith("/experiments");
        assertThat(experimentsOf(setup.brand())).isZero();
        assertThat(ExperimentFixture.count("select count(*) from experiment_arm where experiment_id = ?1", experiment)).isZero();
        assertThat(ExperimentFixture.count("select count(*) from publication where id = ?1", publication)).isEqualTo(1);
        assertThat(ExperimentFixture.count("select count(*) from publication_metrics where publication_id = ?1", publication))
                .isEqualTo(1);
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action in ('EXPERIMENT_CREATED',"
                + " 'EXPERIMENT_DELETED') and subject_id = ?1", experiment)).isEqualTo(2);
        assertThat(manager.get("/experiments/" + experiment).statusCode()).isEqualTo(404);
    }

    @Test
    void marketersAndReviewersAreRefused() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        for (Role role : List.of(Role.MARKETER, Role.REVIEWER)) {
            WebSession session = CalendarFixture.member(setup.brand(), role).session();
            for (String path : List.of("/experiments", "/experiments/new", "/experiments/" + experiment,
                    "/experiments/" + experiment + "/stop", "/experiments/" + experiment + "/delete",
                    "/experiments/" + experiment + "/prepare")) {
                assertThat(session.get(path).statusCode()).as(role + " GET " + path).isEqualTo(403);
            }
            String token = session.csrfToken("/");
            Map<String, Object> fields = new HashMap<>(ExperimentFixture.fields(setup.content()));
            assertThat(session.post("/experiments", token, fields).statusCode()).isEqualTo(403);
            long arm = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'",
                    experiment);
            for (String action : List.of("/stop", "/delete", "/prepare", "/arms/" + arm + "/book")) {
                assertThat(session.post("/experiments/" + experiment + action, token, Map.of()).statusCode())
                        .as(role + " POST " + action).isEqualTo(403);
            }
        }
        assertThat(experimentsOf(setup.brand())).isEqualTo(1);
        assertThat(status(experiment)).isEqualTo("RUNNING");
        assertThat(ExperimentFixture.count("select count(*) from experiment_arm where experiment_id = ?1"
                + " and content_id is not null", experiment)).isZero();
    }

    @Test
    void everyPostWithoutACsrfTokenIsRefused() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        WebSession manager = setup.manager().session();
        Map<String, String> create = Map.of("contentId", String.valueOf(setup.content()), "name", "Forged",
                "platform", "TIKTOK", "field", "HOOK", "metric", "VIEWS", "minPerArm", "2", "arm", "One");
        long arm = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        for (String route : List.of("/experiments", "/experiments/" + experiment + "/posts",
                "/experiments/" + experiment + "/stop", "/experiments/" + experiment + "/delete",
                "/experiments/" + experiment + "/prepare", "/experiments/" + experiment + "/arms/" + arm + "/book")) {
            assertThat(manager.submitWithoutToken(route, create).statusCode()).as(route).isEqualTo(400);
        }
        assertThat(experimentsOf(setup.brand())).isEqualTo(1);
        assertThat(status(experiment)).isEqualTo("RUNNING");
        assertThat(ExperimentFixture.count("select count(*) from experiment_arm where experiment_id = ?1"
                + " and content_id is not null", experiment)).isZero();
    }

    private static long experimentsOf(long brand) {
        return ExperimentFixture.count("select count(*) from experiment where brand_id = ?1", brand);
    }

    private static String status(long experiment) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Experiment.<Experiment>findById(experiment).status.name());
    }
}
