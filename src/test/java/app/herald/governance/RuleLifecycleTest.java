package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Creating, editing, deactivating and reactivating a rule: versions, rule-set versions and audit rows. */
@QuarkusTest
class RuleLifecycleTest {

    @Test
    void everyChangeKeepsHistoryRaisesTheRuleSetVersionAndIsAuditedOnce() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.northwind();
        String name = GovernanceFixture.unique("Medical claims");
        int before = GovernanceFixture.ruleSetVersion(brand);

        long rule = GovernanceFixture.create(reviewer, brand, "CLAIM_WORD", Map.of("name", name, "severity", "WARN",
                "claims", "cures\nclinically proven", "explanation", "Claims need a reviewer."));
        Document created = reviewer.page("/governance/rules/" + rule);
        assertThat(created.select(".flash-success").text())
                .isEqualTo("Rule \"" + name + "\" created. Northwind Outdoor rule set is now version " + (before + 1) + ".");
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(before + 1);

        String edit = "/governance/rules/" + rule + "/edit";
        Document form = reviewer.page(edit);
        assertThat(form.select("#name").val()).isEqualTo(name);
        assertThat(form.select("#claims").val()).isEqualTo("cures\nclinically proven");
        assertThat(form.select("input[name=severity][value=WARN]").hasAttr("checked")).isTrue();
        Response saved = reviewer.submit(edit, edit, Map.of("name", name + " v2", "severity", "BLOCK",
                "platformScope", "SOME", "platforms", List.of("TIKTOK"), "fieldScope", "ALL",
                "claims", "cures\nclinically proven\nguaranteed", "baseVersion", 1));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(before + 2);
        assertThat(GovernanceFixture.versions(rule)).containsExactly(1, 2);

        Document detail = reviewer.page("/governance/rules/" + rule);
        assertThat(detail.select(".flash-success").text()).startsWith("Rule \"" + name + " v2\" saved as version 2.");
        assertThat(detail.select("h1").text()).isEqualTo(name + " v2");
        List<String> history = detail.select("table.history tbody tr").eachText();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).startsWith("v2 (current)").contains("reviewer", name + " v2", "Block", "TikTok",
                "guaranteed").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(history.get(1)).startsWith("v1").contains(name, "Warn", "All platforms", "Claims need a reviewer.")
                .doesNotContain("guaranteed");

        String deactivate = "/governance/rules/" + rule + "/deactivate";
        assertThat(reviewer.page(deactivate).select("h1").text()).isEqualTo("Deactivate rule " + name + " v2?");
        assertThat(reviewer.submit(deactivate, deactivate, Map.of("reason", "Replaced by legal's list")).statusCode())
                .isEqualTo(303);
        assertThat(GovernanceFixture.rule(rule).active).isFalse();
        assertThat(GovernanceFixture.versions(rule)).containsExactly(1, 2);
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(before + 3);
        Document inactive = reviewer.page("/governance/rules/" + rule);
        assertThat(inactive.select(".facts").text()).contains("inactive");
        assertThat(inactive.select("table.history tbody tr")).hasSize(2);
        assertThat(inactive.select("table.activity").text()).contains("Rule deactivated", "Replaced by legal's list");

        assertThat(reviewer.submit("/governance/rules/" + rule, "/governance/rules/" + rule + "/reactivate", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(GovernanceFixture.rule(rule).active).isTrue();
        assertThat(GovernanceFixture.rule(rule).currentVersion).isEqualTo(2);
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(before + 4);

        assertThat(GovernanceFixture.auditActions(rule))
                .containsExactly("RULE_CREATED", "RULE_UPDATED", "RULE_DEACTIVATED", "RULE_REACTIVATED");
    }

    @Test
    void listShowsKindSeverityScopeVersionStatusAndTheRuleSetVersion() {
        WebSession admin = DemoUsers.admin();
        long brand = GovernanceFixture.newBrand();
        String name = GovernanceFixture.unique("Short titles");
        long rule = GovernanceFixture.create(admin, brand, "LENGTH_LIMIT", Map.of("name", name, "severity", "WARN",
                "maxChars", "60", "fieldScope", "SOME", "fields", List.of("TITLE"),
                "platformScope", "SOME", "platforms", List.of("YOUTUBE_SHORTS", "FACEBOOK_REELS")));

        Document list = admin.page("/governance/rules?brand=" + brand);
        assertThat(list.select("table.rules tbody tr")).hasSize(1);
        List<String> cells = list.select("table.rules tbody tr td").eachText();
        assertThat(cells.get(0)).isEqualTo(name);
        assertThat(cells.subList(2, 5)).containsExactly("Length limit", "Warn", "YouTube Shorts, Facebook Reels Title");
        assertThat(cells.get(5)).startsWith("v1 ").endsWith(" UTC");
        assertThat(cells.get(6)).isEqualTo("active");
        assertThat(list.select(".rule-sets").text()).contains("rule set version 1", "1 active rule");
        assertThat(list.select("a[href=/governance/rules/" + rule + "]").text()).isEqualTo(name);
    }

    @Test
    void anEditBasedOnAnOutdatedVersionGetsTheCurrentOneWithA409() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.northwind();
        String name = GovernanceFixture.unique("Raced");
        long rule = GovernanceFixture.create(reviewer, brand, "BANNED_TERM", Map.of("name", name, "terms", "one"));
        String edit = "/governance/rules/" + rule + "/edit";
        WebSession.OpenForm stale = DemoUsers.admin().open(edit, edit);
        assertThat(stale.hidden("baseVersion")).isEqualTo("1");
        Map<String, Object> change = Map.of("name", name, "severity", "BLOCK", "platformScope", "ALL", "fieldScope", "ALL",
                "terms", "one\ntwo");
        assertThat(reviewer.submit(edit, edit, change).statusCode()).isEqualTo(303);

        Response conflict = stale.post(Map.of("name", name, "severity", "WARN", "platformScope", "ALL",
                "fieldScope", "ALL", "terms", "one\r\nthree"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.body().asString());
        assertThat(page.select(".changed-meanwhile h2").text()).isEqualTo("Changed meanwhile");
        assertThat(page.select(".changed-meanwhile").text()).contains(
                "reviewer saved version 2 of this rule while you were editing version 1.",
                "The form below shows the current version.");
        assertThat(page.select("#terms").val()).isEqualTo("one\ntwo");
        assertThat(page.select("input[name=baseVersion]").val()).isEqualTo("2");
        assertThat(page.select(".typed-values dt").eachText()).containsExactly("Severity", "Banned terms");
        assertThat(page.select(".typed-values pre").stream().map(Element::wholeText)).containsExactly("Warn", "one\nthree");
        assertThat(GovernanceFixture.versions(rule)).containsExactly(1, 2);
        assertThat(GovernanceFixture.rule(rule).currentVersion).isEqualTo(2);
    }
}
