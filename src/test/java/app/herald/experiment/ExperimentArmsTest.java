package app.herald.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CoverState;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.dispatch.Dispatcher;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Running an experiment inside Herald: preparing the arms' posts for review, booking them, measuring at one age. */
@QuarkusTest
class ExperimentArmsTest {

    @Inject
    Dispatcher dispatcher;

    @Test
    void preparingCreatesOneReviewedItemPerArmWithTheArmsTextAndNoDuplicates() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        long experiment = ExperimentFixture.create(setup.manager(), fields);
        WebSession manager = setup.manager().session();
        long before = contentOf(setup.brand());

        Document confirm = manager.page("/experiments/" + experiment + "/prepare");
        assertThat(confirm.select("h1").text()).startsWith("Prepare the arm posts of experiment");
        assertThat(contentOf(setup.brand())).isEqualTo(before);
        assertThat(ExperimentFixture.prepare(setup.manager(), experiment).statusCode()).isEqualTo(303);

        assertThat(contentOf(setup.brand())).isEqualTo(before + 2);
        List<?> arms = (List<?>) fields.get("arm");
        for (String label : List.of("A", "B")) {
            String text = (String) arms.get(label.equals("A") ? 0 : 1);
            assertThat(ExperimentFixture.count("select count(*) from content_item c join experiment_arm a on a.content_id = c.id"
                    + " join content_variant v on v.content_id = c.id where a.experiment_id = ?1 and a.label = ?2"
                    + " and c.state = 'SUBMITTED' and c.approved_revision_id is null and c.platforms = 'TIKTOK'"
                    + " and c.brand_id = ?3 and v.platform = 'TIKTOK' and v.body like concat(?4, '\n\n%')"
                    + " and v.body not like '%Wait for it%'", experiment, label, setup.brand(), text))
                    .as("arm " + label + "'s item in review with its hook").isEqualTo(1);
        }
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_ARMS_PREPARED'"
                + " and subject_id = ?1 and comment like 'Arm A: content % submitted for review; Arm B: content %'",
                experiment)).isEqualTo(1);
        assertThat(ExperimentFixture.count("select count(*) from audit_entry e join experiment_arm a on a.content_id = e.subject_id"
                + " where a.experiment_id = ?1 and e.action = 'CONTENT_STATE_CHANGED' and e.to_state = 'SUBMITTED'",
                experiment)).isEqualTo(2);
        Document page = manager.page("/experiments/" + experiment);
        assertThat(page.select("#arm-A").text()).contains("Submitted", "0 of 5 posts booked");
        assertThat(page.select("#arm-A a").attr("href")).startsWith("/content/");

        Response again = ExperimentFixture.prepare(setup.manager(), experiment);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.body().asString()).select(".form-error").text()).contains("are already prepared");
        assertThat(contentOf(setup.brand())).isEqualTo(before + 2);
    }

    @Test
    void preparingIsRefusedForAStoppedExperimentContentNoLongerApprovedOrAnotherBrand() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long stopped = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        String stop = "/experiments/" + stopped + "/stop";
        setup.manager().session().submit(stop, stop, Map.of());
        long edited = ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content()));
        CalendarFixture.editAfterApproval(setup.content());
        ExperimentFixture.Setup other = ExperimentFixture.setup("Other");
        long before = contentOf(setup.brand());

        Response whenStopped = ExperimentFixture.prepare(setup.manager(), stopped);
        assertThat(whenStopped.statusCode()).isEqualTo(400);
        assertThat(whenStopped.body().asString()).contains("is stopped; it takes no more posts.");
        Response whenEdited = ExperimentFixture.prepare(setup.manager(), edited);
        assertThat(whenEdited.statusCode()).isEqualTo(400);
        assertThat(whenEdited.body().asString())
                .contains("is submitted in its current revision: Herald prepares arm posts from approved content only.");
        WebSession stranger = other.manager().session();
        assertThat(stranger.get("/experiments/" + edited + "/prepare").statusCode()).isEqualTo(404);
        assertThat(stranger.post("/experiments/" + edited + "/prepare", stranger.csrfToken("/experiments"), Map.of())
                .statusCode()).isEqualTo(404);

        assertThat(contentOf(setup.brand())).isEqualTo(before);
        assertThat(ExperimentFixture.count("select count(*) from experiment_arm where experiment_id in (?1, ?2)"
                + " and content_id is not null", stopped, edited)).isZero();
    }

    @Test
    void anArmIsBookedOnlyOnceApprovedOnSlotsThatKeepTheRulesAndLinkedToIt() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("minPerArm", "3");
        long experiment = ExperimentFixture.create(setup.manager(), fields);
        ExperimentFixture.prepare(setup.manager(), experiment);
        long armA = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        WebSession manager = setup.manager().session();
        String page = "/experiments/" + experiment;
        String book = page + "/arms/" + armA + "/book";

        Response early = manager.submit(page, book, Map.of());
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(early.body().asString()).select(".form-error").text())
                .contains("Arm A's post is submitted, not approved: a reviewer approves it first, then Herald books it.");
        assertThat(publicationsOfArm(experiment, "A")).isZero();

        long content = ExperimentFixture.approveArm(experiment, "A");
        // The day of arm A's first proposed slot became a blackout date since: that slot must move.
        LocalDate blocked = QuarkusTransaction.requiringNew().call(() -> ExperimentSlot.<ExperimentSlot>find(
                "arm.id = ?1 order by plannedAt", armA).firstResult().plannedAt.atZone(ZoneOffset.UTC).toLocalDate());
        assertThat(manager.submit("/calendar/blackouts", "/calendar/blackouts",
                Map.of("brandId", setup.brand(), "day", blocked.toString())).statusCode()).isEqualTo(303);

        assertThat(manager.submit(page, book, Map.of()).statusCode()).isEqualTo(303);

        assertThat(publicationsOfArm(experiment, "A")).isEqualTo(3);
        assertThat(ExperimentFixture.count("select count(*) from publication p join experiment_slot s on s.id = p.post_key"
                + " where p.content_id = ?1 and s.arm_id = ?2 and p.status = 'SCHEDULED' and p.slot_source = 'EXPERIMENT'"
                + " and p.scheduled_at = s.planned_at and date(p.scheduled_at) <> ?3", content, armA, blocked)).isEqualTo(3);
        assertThat(ExperimentFixture.count("select count(distinct date(scheduled_at)) from publication where content_id = ?1",
                content)).as("one post a day").isEqualTo(3);
        assertThat(ExperimentFixture.count("select count(*) from experiment_post ep join publication p on p.id = ep.publication_id"
                + " where ep.experiment_id = ?1 and ep.arm_id = ?2 and p.content_id = ?3 and ep.linked_by = ?4",
                experiment, armA, content, setup.manager().username())).isEqualTo(3);
        assertThat(ExperimentFixture.count("select count(*) from audit_entry where action = 'EXPERIMENT_POSTS_BOOKED'"
                + " and subject_id = ?1 and comment like 'Arm A: 3 posts of content % booked; moved %blackout date%'",
                experiment)).isEqualTo(1);
        Document shown = manager.page(page);
        assertThat(shown.select("#arm-A .progress").text()).isEqualTo("3 of 3 posts booked");
        assertThat(shown.select("#arm-A li")).hasSize(3);
        assertThat(shown.select("#arm-A li").text()).contains("UTC", "Scheduled");
        assertThat(shown.select("#arm-B .progress").text()).isEqualTo("0 of 3 posts booked");
        assertThat(shown.select("#posts + table tbody tr")).hasSize(3);

        Response twice = manager.submit(page, book, Map.of());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body().asString()).contains("Every proposed slot of arm A is already booked.");
        assertThat(publicationsOfArm(experiment, "A")).isEqualTo(3);
    }

    @Test
    void thumbnailArmsArePreparedWithTheirCoverFrameBookedAndPublishedWithIt() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        long experiment = ExperimentFixture.create(setup.manager(), ExperimentFixture.thumbnailFields(setup.content()));

        Response prepared = ExperimentFixture.prepare(setup.manager(), experiment);
        assertThat(prepared.statusCode()).as(Jsoup.parse(prepared.body().asString()).select(".form-error").text())
                .isEqualTo(303);

        for (String label : List.of("A", "B")) {
            assertThat(ExperimentFixture.count("select v.cover_ms from experiment_arm a join content_variant v"
                    + " on v.content_id = a.content_id join content_item c on c.id = a.content_id where a.experiment_id = ?1"
                    + " and a.label = ?2 and v.platform = 'TIKTOK' and c.state = 'SUBMITTED' and c.media_id is not null",
                    experiment, label)).as("arm " + label + "'s post in review with its cover frame")
                    .isEqualTo(label.equals("A") ? 1_500 : 3_000);
        }
        assertThat(ExperimentFixture.count("select count(*) from content_revision r join experiment_arm a"
                + " on a.content_id = r.content_id where a.experiment_id = ?1 and r.canonical like '%.cover_ms=1500%'",
                experiment)).as("the revision a reviewer approves covers the frame").isEqualTo(1);
        long armA = ExperimentFixture.count("select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment);
        long content = ExperimentFixture.approveArm(experiment, "A");
        String page = "/experiments/" + experiment;
        WebSession manager = setup.manager().session();

        assertThat(manager.submit(page, page + "/arms/" + armA + "/book", Map.of()).statusCode()).isEqualTo(303);

        assertThat(publicationsOfArm(experiment, "A")).isEqualTo(2);
        long first = ExperimentFixture.count("select min(id) from publication where content_id = ?1", content);
        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(first).scheduledAt
                = Instant.now().minusSeconds(5));
        for (int round = 0; round < 50 && dispatcher.round("thumbnail-arm") > 0; round++) {
            // Each round claims afresh.
        }

        Publication published = CalendarFixture.load(first);
        assertThat(published.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(published.coverState).isEqualTo(CoverState.SET);
        assertThat(manager.page("/calendar/publications/" + first).select("dd.cover").text())
                .startsWith("Cover frame at 1.5 s: set (Sandbox recorded the frame at 1.5 s");
        assertThat(manager.page(page).select("#arm-A").text()).contains("Cover frame at 1.5 s", "2 of 2 posts booked");
    }

    @Test
    void postsAreComparedAtTheSameAgeAndYoungerPostsWait() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("minPerArm", "2");
        long experiment = ExperimentFixture.create(setup.manager(), fields);
        long channel = setup.channels().get(0);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        // At 7 days A is ahead; later B's posts catch up and pass: the latest values would say the opposite.
        for (int i = 0; i < 2; i++) {
            ExperimentFixture.post(experiment, "A", channel, tenDaysAgo, viewed(20 + i), Map.of(7, viewed(60 + 2 * i),
                    9, viewed(20 + i)));
            ExperimentFixture.post(experiment, "B", channel, tenDaysAgo, viewed(90 + i), Map.of(6, viewed(25),
                    7, viewed(30 + 2 * i), 9, viewed(90 + i)));
        }
        ExperimentFixture.post(experiment, "A", channel, Instant.now().minus(Duration.ofDays(3)), viewed(99),
                Map.of(2, viewed(99)));

        Document page = setup.manager().session().page("/experiments/" + experiment);

        assertThat(arm(page, "A")).contains("2 of 2 needed", "61.0%");
        assertThat(arm(page, "B")).contains("2 of 2 needed", "31.0%");
        assertThat(page.select("#posts + table").text()).contains("measured at 7 days: in 4 days").doesNotContain("99.0%");
        assertThat(page.select(".method").text()).contains("Every post is measured at the same age",
                "7 days after it was published", "posts younger than 7 days wait and are not in the sample");
    }

    private static Map<String, Number> viewed(double percent) {
        return Map.of("views", 1000, "average_percent_viewed", percent);
    }

    private static String arm(Document page, String label) {
        return page.select("table").get(0).select("tbody tr").stream()
                .filter(row -> row.select("th").text().equals(label)).findFirst().orElseThrow().text();
    }

    private static long contentOf(long brand) {
        return ExperimentFixture.count("select count(*) from content_item where brand_id = ?1", brand);
    }

    private static long publicationsOfArm(long experiment, String label) {
        return ExperimentFixture.count("select count(*) from publication p join experiment_arm a on a.content_id = p.content_id"
                + " where a.experiment_id = ?1 and a.label = ?2", experiment, label);
    }
}
