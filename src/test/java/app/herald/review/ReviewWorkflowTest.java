package app.herald.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The review workflow end to end through the pages: submit, decide, revise, with the audit trail it leaves. */
@QuarkusTest
class ReviewWorkflowTest {

    private static String title(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String currentHash(long id) {
        ContentItem item = ContentFixture.load(id);
        return ContentFixture.revisions(id).stream().filter(r -> r.id.equals(item.currentRevisionId)).findFirst()
                .orElseThrow().sha256;
    }

    private static Response approve(WebSession reviewer, long id, String hash) {
        return reviewer.submit("/review/" + id, "/review/" + id + "/approve", Map.of("revisionHash", hash));
    }

    @Test
    void submittingMakesRevisionOneAndWritesOneAuditRowPerTransition() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), title("Submit"));

        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.SUBMITTED);
        List<ContentRevision> revisions = ContentFixture.revisions(id);
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).sha256).matches("[0-9a-f]{64}");
        assertThat(ContentFixture.auditTrail(id)).containsExactly("CONTENT_CREATED null→DRAFT", "CONTENT_REVISED",
                "CONTENT_STATE_CHANGED DRAFT→SUBMITTED");
    }

    @Test
    void approvalBindsToTheRevisionHashAndAnEditSendsItBack() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), title("Bind"));
        String hash = currentHash(id);

        Response approved = approve(DemoUsers.reviewer(), id, hash);

        assertThat(approved.statusCode()).isEqualTo(303);
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.APPROVED);
        assertThat(item.approvedRevisionId).isEqualTo(item.currentRevisionId);

        Response edited = DemoUsers.marketer().submit("/content/" + id + "/edit", "/content/" + id, Map.of(
                "brandId", ContentFixture.brandId(), "title", item.title, "description", "A changed description",
                "platforms", List.of("TIKTOK"), "action", "draft"));

        assertThat(edited.statusCode()).isEqualTo(303);
        ContentItem after = ContentFixture.load(id);
        assertThat(after.state).isEqualTo(ContentState.SUBMITTED);
        assertThat(after.approvedRevisionId).isNull();
        assertThat(ContentFixture.revisions(id)).hasSize(2);
        assertThat(currentHash(id)).isNotEqualTo(hash);
        assertThat(ContentFixture.auditTrail(id)).containsSubsequence("CONTENT_STATE_CHANGED SUBMITTED→APPROVED",
                "CONTENT_REVISED", "CONTENT_STATE_CHANGED APPROVED→SUBMITTED");
        assertThat(ContentFixture.auditTrail(id).stream().filter(row -> row.startsWith("CONTENT_STATE_CHANGED"))).hasSize(3);
    }

    @Test
    void anApprovalOfARevisionThatChangedMeanwhileGetsTheCurrentOneWithA409() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), title("Stale"));
        WebSession reviewer = DemoUsers.reviewer();
        WebSession.OpenForm approval = reviewer.open("/review/" + id, "/review/" + id + "/approve");
        assertThat(approval.hidden("revisionHash")).isEqualTo(currentHash(id));
        DemoUsers.marketer().submit("/content/" + id + "/edit", "/content/" + id, Map.of("brandId",
                ContentFixture.brandId(), "title", ContentFixture.load(id).title, "description", "edited meanwhile",
                "platforms", List.of("TIKTOK"), "action", "draft"));

        Response stale = approval.post(Map.of("note", "Checked the trail times"));

        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body().asString());
        assertThat(page.select(".changed-meanwhile h2").text()).isEqualTo("Changed meanwhile");
        assertThat(page.select(".changed-meanwhile").text()).contains(
                "changed while you were reviewing it: it is now revision 2, saved by marketer.",
                "Nothing you sent was saved", "This page shows the current revision");
        assertThat(page.select("form[action$=/approve] input[name=revisionHash]").val()).isEqualTo(currentHash(id));
        assertThat(page.select("form[action$=/approve] button").text()).isEqualTo("Approve revision 2");
        assertThat(page.select(".variant").text()).contains("edited meanwhile");
        assertThat(page.select("#note").val()).isEqualTo("Checked the trail times");
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.SUBMITTED);
        assertThat(item.approvedRevisionId).isNull();
    }

    @Test
    void submitterCannotApproveOwnContent() {
        WebSession admin = DemoUsers.admin();
        long id = ContentFixture.submitted(admin, title("Own"));

        Response refused = approve(admin, id, currentHash(id));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text())
                .contains("another reviewer must approve it");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
        assertThat(admin.page("/review/" + id).select("form[action$=/approve]")).isEmpty();
    }

    @Test
    void requestChangesAndRejectNeedAComment() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), title("Reasons"));
        WebSession reviewer = DemoUsers.reviewer();

        Response noReason = reviewer.submit("/review/" + id, "/review/" + id + "/request-changes", Map.of("comment", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noReason.body().asString()).select(".form-error").text()).startsWith("A comment is required.");
        Response noRejectReason = reviewer.submit("/review/" + id, "/review/" + id + "/reject", Map.of());
        assertThat(noRejectReason.statusCode()).isEqualTo(400);
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
        assertThat(ContentFixture.auditTrail(id)).hasSize(3);
    }

    @Test
    void changesRequestedThenResubmittedKeepsTheThread() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, title("Thread"));
        DemoUsers.reviewer().submit("/review/" + id, "/review/" + id + "/request-changes",
                Map.of("comment", "Shorten the caption please"));
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.CHANGES_REQUESTED);

        marketer.submit("/content/" + id + "/edit", "/content/" + id, Map.of("brandId", ContentFixture.brandId(),
                "title", ContentFixture.load(id).title, "description", "Shorter", "platforms", List.of("TIKTOK"),
                "action", "submit"));

        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
        Document page = marketer.page("/content/" + id);
        assertThat(page.select(".thread .comment-body").eachText()).contains("Shorten the caption please");
        assertThat(page.select(".thread .comment-meta").text()).contains("reviewer requested changes on revision 1");
    }

    @Test
    void illegalTransitionsAreRefusedWithAClearMessage() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), title("Illegal"));
        WebSession reviewer = DemoUsers.reviewer();
        reviewer.submit("/review/" + id, "/review/" + id + "/reject", Map.of("comment", "Off brand"));
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.REJECTED);

        Response again = reviewer.submit("/review/" + id, "/review/" + id + "/request-changes", Map.of("comment", "x"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.body().asString()).select(".form-error").text()).endsWith("is rejected, not waiting for review.");
        WebSession marketer = DemoUsers.marketer();
        Response resubmit = marketer.submit("/content/" + id, "/content/" + id + "/submit", Map.of());
        assertThat(resubmit.statusCode()).isEqualTo(303);
        assertThat(marketer.page("/content/" + id).select(".flash-error").text())
                .contains("only drafts and content with requested changes can be submitted");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.REJECTED);
    }

    @Test
    void queueListsSubmittedContentOldestFirstWithNearDeadlinesFlagged() {
        WebSession marketer = DemoUsers.marketer();
        String soon = java.time.LocalDateTime.now(java.time.ZoneId.of("America/New_York")).plusHours(3)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String first = title("Queue first");
        String second = title("Queue second");
        ContentFixture.create(marketer, first, "submit", Map.of("plannedPublishAt", soon));
        ContentFixture.submitted(marketer, second);

        Document queue = DemoUsers.reviewer().page("/review");

        List<String> titles = queue.select("tbody tr td:first-child").eachText();
        assertThat(titles.indexOf(first)).isLessThan(titles.indexOf(second)).isGreaterThanOrEqualTo(0);
        assertThat(queue.select("tr:has(a:containsOwn(" + first + ")) .badge").text()).isEqualTo("within 24 h");
        assertThat(queue.select("tr:has(a:containsOwn(" + first + "))").text()).contains("(America/New_York)");
    }

    @Test
    void markupInCommentsAndTitlesIsEscaped() {
        long id = ContentFixture.submitted(DemoUsers.marketer(), "<img src=x onerror=alert(1)> " + UUID.randomUUID());
        DemoUsers.reviewer().submit("/review/" + id, "/review/" + id + "/request-changes",
                Map.of("comment", "<script>alert('x')</script>"));

        String html = DemoUsers.marketer().get("/content/" + id).body().asString();
        assertThat(html).doesNotContain("<script>alert('x')</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }
}
