package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentState;
import app.herald.governance.engine.RuleSpec;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A BLOCK pattern rule that cannot be checked keeps blocking submission and approval, and the pages say so with the
 * rule's name; an ordinary blocking finding stops submission too. Each test has a brand of its own, so its rules
 * reach no other test's content.
 */
@QuarkusTest
class NotCheckedRuleTest {

    private static final String PHONE = "\\d{3}-\\d{4}";

    private static long tiktokContent(WebSession author, long brand, String action, String caption) {
        return ContentFixture.create(author, GovernanceFixture.unique("Not checked"), action,
                Map.of("brandId", brand, "platforms", List.of("TIKTOK"), "tiktokBody", caption));
    }

    @Test
    void aBlockRuleThatCannotBeCheckedBlocksSubmissionAndApprovalUntilItIsFixed() {
        long brand = GovernanceFixture.newBrand("marketer", "reviewer");
        WebSession reviewer = DemoUsers.reviewer();
        WebSession marketer = DemoUsers.marketer();
        String name = GovernanceFixture.unique("Phone numbers");
        long rule = GovernanceFixture.create(reviewer, brand, "REGEX", Map.of("name", name, "pattern", PHONE,
                "mustMatch", "false"));
        long waiting = tiktokContent(marketer, brand, "submit", "No numbers here");
        long draft = tiktokContent(marketer, brand, "draft", "Still no numbers");
        // Lookbehind was fine for the engine an earlier Herald used; RE2/J refuses it.
        GovernanceFixture.storeUnvalidated(rule, new RuleSpec.RegexPattern("(?<!\\d)" + PHONE, false, false));

        Document review = reviewer.page("/review/" + waiting);
        assertThat(review.select(".not-checked").text()).startsWith("Could not be checked: " + name + ".");
        assertThat(review.select(".count-block").text()).isEqualTo("1 blocking");
        assertThat(review.select(".finding-item.finding-block").text()).contains(name,
                "Could not be checked: Pattern uses a lookbehind (?<!");
        assertThat(review.select("form[action$=/approve] button[type=submit]").hasAttr("disabled")).isTrue();
        Response refused = reviewer.submit("/review/" + waiting, "/review/" + waiting + "/approve",
                Map.of("revisionHash", review.select("input[name=revisionHash]").val()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text())
                .contains("1 blocking finding must be fixed", name + ": Could not be checked: Pattern uses a lookbehind");
        assertThat(ContentFixture.load(waiting).state).isEqualTo(ContentState.SUBMITTED);

        assertThat(marketer.submit("/content/" + draft, "/content/" + draft + "/submit", Map.of()).statusCode())
                .isEqualTo(303);
        Document content = marketer.page("/content/" + draft);
        assertThat(content.select(".flash-error").text()).startsWith("Blocking rule findings stop this submission. "
                + name + ": Could not be checked: Pattern uses a lookbehind (?<!");
        assertThat(content.select(".not-checked").text()).contains(name);
        assertThat(ContentFixture.load(draft).state).isEqualTo(ContentState.DRAFT);

        assertThat(reviewer.page("/governance/rules/" + rule).select(".not-checked").text())
                .startsWith("This rule cannot be checked as saved: Pattern uses a lookbehind (?<!");

        String edit = "/governance/rules/" + rule + "/edit";
        assertThat(reviewer.submit(edit, edit, Map.of("name", name, "severity", "BLOCK", "platformScope", "ALL",
                "fieldScope", "ALL", "pattern", "\\b" + PHONE, "mustMatch", "false", "baseVersion", 2)).statusCode())
                .isEqualTo(303);
        Document fixed = reviewer.page("/review/" + waiting);
        assertThat(fixed.select(".not-checked")).isEmpty();
        assertThat(fixed.select(".count-block").text()).isEqualTo("0 blocking");
        assertThat(reviewer.submit("/review/" + waiting, "/review/" + waiting + "/approve",
                Map.of("revisionHash", fixed.select("input[name=revisionHash]").val())).statusCode()).isEqualTo(303);
        assertThat(ContentFixture.load(waiting).state).isEqualTo(ContentState.APPROVED);
    }

    @Test
    void aBlockingFindingStopsSubmissionAndKeepsTheDraft() {
        long brand = GovernanceFixture.newBrand("marketer", "reviewer");
        String name = GovernanceFixture.unique("Phone numbers");
        GovernanceFixture.create(DemoUsers.reviewer(), brand, "REGEX", Map.of("name", name, "pattern", PHONE,
                "mustMatch", "false"));
        WebSession marketer = DemoUsers.marketer();
        String title = GovernanceFixture.unique("Call us");

        Response refused = marketer.submit("/content/new", "/content", Map.of("brandId", brand, "title", title,
                "description", "Call us", "platforms", List.of("TIKTOK"), "tiktokBody", "Call 555-1234 today",
                "action", "submit"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text()).isEqualTo("Saved, but not "
                + "submitted. Blocking rule findings stop this submission. " + name
                + ": Text matches the forbidden pattern /" + PHONE + "/.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>find("title", title).singleResult().state))
                .isEqualTo(ContentState.DRAFT);
    }
}
