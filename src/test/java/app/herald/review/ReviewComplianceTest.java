package app.herald.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.brand.Brand;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentState;
import app.herald.governance.RuleDraft;
import app.herald.governance.RuleService;
import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Approval against the brand's governance rules: blocking findings stop it, warnings must be acknowledged. */
@QuarkusTest
class ReviewComplianceTest {

    @Inject
    RuleService rules;

    /** A made-up word no other test's content contains, so the demo brand's rule set stays harmless to them. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private void rule(Severity severity, RuleSpec spec) {
        QuarkusTransaction.requiringNew().run(() -> rules.create(Brand.findById(ContentFixture.brandId()),
                new RuleDraft("Test rule " + word(), severity, Set.of(), Set.of(), "Explained", spec)));
    }

    private static long submittedSaying(String caption) {
        return ContentFixture.create(DemoUsers.marketer(), "Compliance " + UUID.randomUUID(), "submit",
                Map.of("platforms", List.of("TIKTOK"), "tiktokBody", caption));
    }

    private static Response approve(WebSession reviewer, long id, List<String> acks) {
        Document page = reviewer.page("/review/" + id);
        Map<String, Object> fields = new HashMap<>();
        fields.put("revisionHash", page.select("input[name=revisionHash]").val());
        if (!acks.isEmpty()) {
            fields.put("ack", acks);
        }
        return reviewer.submit("/review/" + id, "/review/" + id + "/approve", fields);
    }

    /** A blocking finding stops submission, so here the rule arrives while the content waits for review. */
    @Test
    void blockingFindingMakesApprovalImpossible() {
        String banned = word();
        long id = submittedSaying("Totally " + banned + " stuff");
        rule(Severity.BLOCK, new RuleSpec.BannedTerm(List.of(banned), List.of()));
        WebSession reviewer = DemoUsers.reviewer();

        Document page = reviewer.page("/review/" + id);
        assertThat(page.select("mark").eachText()).contains(banned);
        assertThat(page.select(".count-block").text()).isEqualTo("1 blocking");
        assertThat(page.select("form[action$=/approve] button[type=submit]").hasAttr("disabled")).isTrue();

        Response refused = approve(reviewer, id, List.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").first().text())
                .contains("1 blocking finding must be fixed", ": Banned term \"" + banned + "\".");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
    }

    @Test
    void warningsMustBeAcknowledgedBeforeApproval() {
        String claim = word();
        rule(Severity.WARN, new RuleSpec.ClaimWord(List.of(claim)));
        long id = submittedSaying("It is " + claim + " for sure");
        WebSession reviewer = DemoUsers.reviewer();

        Response withoutAck = approve(reviewer, id, List.of());
        assertThat(withoutAck.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(withoutAck.body().asString()).select(".form-error").text())
                .contains("Acknowledge every warning before approving: 1 of 1 not acknowledged.");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);

        List<String> keys = reviewer.page("/review/" + id).select("input[name=ack]").eachAttr("value");
        assertThat(keys).hasSize(1);
        Response approved = approve(reviewer, id, keys);

        assertThat(approved.statusCode()).isEqualTo(303);
        ContentItem item = ContentFixture.load(id);
        assertThat(item.state).isEqualTo(ContentState.APPROVED);
        ContentApproval approval = QuarkusTransaction.requiringNew().call(() ->
                ContentApproval.<ContentApproval>find("contentId", id).firstResult());
        assertThat(approval.acknowledged).contains(keys.get(0));
        assertThat(approval.reviewer).isEqualTo("reviewer");
        assertThat(approval.ruleSetVersion).isPositive();
    }

    @Test
    void reviewPageShowsTheRuleSetVersionAndHighlightsWhatTheContentPageShowsToo() {
        String claim = word();
        rule(Severity.WARN, new RuleSpec.ClaimWord(List.of(claim)));
        long id = submittedSaying("Crème " + claim + " <b>bold</b>");
        int version = QuarkusTransaction.requiringNew().call(() -> ((Brand) Brand.findById(ContentFixture.brandId())).ruleSetVersion);

        Document review = DemoUsers.reviewer().page("/review/" + id);
        Document content = DemoUsers.marketer().page("/content/" + id);

        assertThat(review.text()).contains("Checked against rule set v" + version);
        for (Document page : List.of(review, content)) {
            assertThat(page.select(".variant mark").eachText()).containsExactly(claim);
            assertThat(page.select(".variant .field-text").html()).contains("&lt;b&gt;bold&lt;/b&gt;");
        }
    }
}
