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
import app.herald.governance.GovernanceFixture;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Four eyes: nobody who created, submitted or wrote what is up for approval approves it, and the review page says
 * why; revisions an earlier approval already covered do not count.
 */
@QuarkusTest
class FourEyesApprovalTest {

    private static final String APPROVE_FORM = "form[action$=/approve]";

    private static String title(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ContentRevision current(long id) {
        ContentItem item = ContentFixture.load(id);
        return ContentFixture.revisions(id).stream().filter(r -> r.id.equals(item.currentRevisionId)).findFirst()
                .orElseThrow();
    }

    /** Posts an approval of the current revision, hash included, as a hand-made request could even without the form. */
    private static Response approve(WebSession session, long id) {
        return session.submit("/review/" + id, "/review/" + id + "/approve", Map.of("revisionHash", current(id).sha256));
    }

    private static Response edit(WebSession session, long id, String description) {
        return session.submit("/content/" + id + "/edit", "/content/" + id, Map.of("brandId",
                ContentFixture.load(id).brand.id, "title", ContentFixture.load(id).title, "description", description,
                "platforms", List.of("TIKTOK"), "action", "draft"));
    }

    private static long approvals(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ContentApproval.count("contentId", id));
    }

    /** The page refuses approval with {@code reason}, and so does a POST; nothing changes. */
    private static void assertRefused(WebSession session, long id, String reason) {
        Document page = session.page("/review/" + id);
        assertThat(page.select(APPROVE_FORM)).isEmpty();
        assertThat(page.select(".cannot-approve").text()).isEqualTo(reason);

        Response refused = approve(session, id);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text()).isEqualTo(reason);
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.SUBMITTED);
        assertThat(item.approvedRevisionId).isNull();
        assertThat(approvals(id)).isZero();
    }

    @Test
    void anAdminWhoEditedSomeoneElsesItemCannotApproveTheRevisionTheyWrote() {
        String title = title("Admin edit");
        long id = ContentFixture.submitted(DemoUsers.marketer(), title);
        WebSession admin = DemoUsers.admin();
        assertThat(edit(admin, id, "The admin's own wording").statusCode()).isEqualTo(303);
        assertThat(current(id).number).isEqualTo(2);
        assertThat(current(id).createdBy).isEqualTo("admin");

        assertRefused(admin, id, "You wrote revision 2 of '" + title + "'; another reviewer must approve it.");

        assertThat(approve(DemoUsers.reviewer(), id).statusCode()).isEqualTo(303);
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.APPROVED);
    }

    @Test
    void aMarketerAndReviewerWhoSubmittedTheItemCannotApproveIt() {
        String name = "both-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name, "displayName",
                "Marketer and reviewer", "password", "a-long-password", "roles", List.of("MARKETER", "REVIEWER")))
                .statusCode()).isEqualTo(303);
        WebSession both = WebSession.signIn(name, "a-long-password");
        long brand = GovernanceFixture.newBrand("marketer", "reviewer", name);
        String title = title("Resubmitted");
        long id = ContentFixture.create(DemoUsers.marketer(), title, "submit", Map.of("brandId", brand));
        DemoUsers.reviewer().submit("/review/" + id, "/review/" + id + "/request-changes",
                Map.of("comment", "Check the opening hours"));
        // Resubmitted unchanged: no new revision, so only the submission itself ties them to it.
        assertThat(both.submit("/content/" + id, "/content/" + id + "/submit", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ContentFixture.revisions(id)).extracting(revision -> revision.createdBy).containsExactly("marketer");

        assertRefused(both, id, "You submitted '" + title + "' for review; another reviewer must approve it.");
        assertThat(both.page("/review/" + id).select("h1 + p.muted").text())
                .contains("created by marketer", "submitted by " + name);
    }

    @Test
    void aReviewerWhoOnlyCommentedMayApprove() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, title("Commented"));
        WebSession reviewer = DemoUsers.reviewer();
        reviewer.submit("/content/" + id, "/content/" + id + "/comments", Map.of("body", "Is the trail open in May?"));
        reviewer.submit("/review/" + id, "/review/" + id + "/request-changes", Map.of("comment", "Say when it opens"));
        marketer.submit("/content/" + id + "/edit", "/content/" + id, Map.of("brandId", ContentFixture.brandId(),
                "title", ContentFixture.load(id).title, "description", "Open from May.", "platforms", List.of("TIKTOK"),
                "action", "submit"));
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);

        Document page = reviewer.page("/review/" + id);
        assertThat(page.select(APPROVE_FORM)).hasSize(1);
        assertThat(page.select(".cannot-approve")).isEmpty();
        assertThat(approve(reviewer, id).statusCode()).isEqualTo(303);
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.APPROVED);
        assertThat(item.approvedRevisionId).isEqualTo(current(id).id);
    }

    @Test
    void revisionsAnEarlierApprovalCoveredDoNotCount() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, title("Covered"));
        WebSession admin = DemoUsers.admin();
        edit(admin, id, "Revision 2, by the admin");
        assertThat(approve(DemoUsers.reviewer(), id).statusCode()).isEqualTo(303);
        // Edited after approval by its marketer: revision 3 goes back to review.
        edit(marketer, id, "Revision 3, by the marketer");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
        assertThat(current(id).number).isEqualTo(3);

        Document page = admin.page("/review/" + id);
        assertThat(page.select(".cannot-approve")).isEmpty();
        assertThat(page.select(APPROVE_FORM + " button").text()).isEqualTo("Approve revision 3");
        assertThat(approve(admin, id).statusCode()).isEqualTo(303);
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.APPROVED);
        assertThat(item.approvedRevisionId).isEqualTo(current(id).id);
        assertThat(approvals(id)).isEqualTo(2);
    }

    @Test
    void editingSomeoneElsesDraftCountsAsWritingIt() {
        WebSession marketer = DemoUsers.marketer();
        String title = title("Draft edit");
        long id = ContentFixture.create(marketer, title, "draft", Map.of());
        WebSession admin = DemoUsers.admin();
        assertThat(edit(admin, id, "The admin rewrote the draft").statusCode()).isEqualTo(303);
        assertThat(marketer.submit("/content/" + id, "/content/" + id + "/submit", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ContentFixture.revisions(id)).extracting(revision -> revision.createdBy).containsExactly("marketer");

        assertRefused(admin, id, "You edited '" + title + "' while it was a draft; another reviewer must approve it.");
    }

    @Test
    void theCreatorCannotApproveEvenAfterSomeoneElseSubmittedIt() {
        WebSession admin = DemoUsers.admin();
        String title = title("Own draft");
        long id = ContentFixture.create(admin, title, "draft", Map.of());
        edit(DemoUsers.marketer(), id, "Polished by the marketer");
        DemoUsers.marketer().submit("/content/" + id, "/content/" + id + "/submit", Map.of());

        assertRefused(admin, id, "You created '" + title + "'; another reviewer must approve it.");
    }
}
