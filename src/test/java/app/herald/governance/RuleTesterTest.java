package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** The rule tester as a marketer sees it, on a brand of its own so other tests' rules do not interfere. */
@QuarkusTest
class RuleTesterTest {

    @Test
    void matchedTextIsMarkedAndListedWithRuleAndSeverity() {
        long brand = GovernanceFixture.newBrand("reviewer", "marketer");
        String name = GovernanceFixture.unique("Dessert words");
        GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM", Map.of("name", name, "terms", "creme",
                "explanation", "We do not sell desserts."));

        Response checked = check(DemoUsers.marketer(), brand, List.of("TIKTOK"), "Crème on the trail",
                "Our new Crème jacket.\nWarm & dry.");

        assertThat(checked.statusCode()).isEqualTo(200);
        String html = checked.body().asString();
        assertThat(html).contains("<mark class=\"finding finding-block\" title=\"Block · " + name + ": ");
        Document page = Jsoup.parse(html);
        Element tiktok = page.selectFirst("#result-TIKTOK").parent();
        assertThat(tiktok.select("mark").eachText()).containsExactly("Crème", "Crème");
        assertThat(tiktok.select(".highlighted").get(1).wholeText()).isEqualTo("Our new Crème jacket.\nWarm & dry.");
        List<String> row = tiktok.select("table.findings tbody tr").first().select("td").eachText();
        assertThat(row.subList(0, 4)).containsExactly("Block", name + " v1", "Title", "Crème");
        assertThat(row.get(4)).endsWith("We do not sell desserts.");
        assertThat(tiktok.select("table.findings tbody tr")).hasSize(2);
        assertThat(page.select(".rule-set-used").text()).contains("rule set version 1 (1 active rule)");
    }

    @Test
    void aPlatformScopedRuleFiresOnlyOnItsPlatform() {
        long brand = GovernanceFixture.newBrand("reviewer", "marketer");
        String name = GovernanceFixture.unique("TikTok slang");
        GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM", Map.of("name", name, "terms", "no cap",
                "severity", "WARN", "platformScope", "SOME", "platforms", List.of("TIKTOK")));

        Document page = Jsoup.parse(check(DemoUsers.marketer(), brand, List.of("TIKTOK", "YOUTUBE_SHORTS"), "",
                "This jacket is warm, no cap.").body().asString());

        Element tiktok = page.selectFirst("#result-TIKTOK").parent();
        assertThat(tiktok.select("mark.finding-warn").eachText()).containsExactly("no cap");
        assertThat(tiktok.select("table.findings td").eachText()).contains(name + " v1", "Warn");
        Element youtube = page.selectFirst("#result-YOUTUBE_SHORTS").parent();
        assertThat(youtube.select("mark")).isEmpty();
        assertThat(youtube.select("h3").text()).contains("no findings");
        assertThat(page.select("#result-FACEBOOK_REELS")).isEmpty();
    }

    @Test
    void deactivatedRulesNoLongerFireAndTheNewRuleSetVersionIsStated() {
        long brand = GovernanceFixture.newBrand("reviewer", "marketer");
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Temporary"), "terms", "sale"));
        assertThat(Jsoup.parse(check(DemoUsers.marketer(), brand, List.of("TIKTOK"), "Big sale", "").body().asString())
                .select("mark").eachText()).containsExactly("sale");

        DemoUsers.reviewer().submit("/", "/governance/rules/" + rule + "/deactivate", Map.of());

        Document page = Jsoup.parse(check(DemoUsers.marketer(), brand, List.of("TIKTOK"), "Big sale", "").body().asString());
        assertThat(page.select("mark")).isEmpty();
        assertThat(page.select(".rule-set-used").text()).contains("rule set version 2 (0 active rules)");
        assertThat(page.select(".tester-result .empty").text()).contains("has no active rules, so nothing is flagged.");
    }

    @Test
    void aBrandWithoutRulesShowsAnEmptyStateAndKeepsTheText() {
        long brand = GovernanceFixture.newBrand("marketer");

        Document page = Jsoup.parse(check(DemoUsers.marketer(), brand, List.of("FACEBOOK_REELS"), "Kept title",
                "Kept description").body().asString());

        assertThat(page.select(".tester-result .empty").text()).contains("has no active rules, so nothing is flagged.")
                .doesNotContain("Create a rule");
        assertThat(page.select(".rule-set-used").text()).contains("rule set version 0");
        assertThat(page.select("#title").val()).isEqualTo("Kept title");
        assertThat(page.select("#description").val()).isEqualTo("Kept description");
        assertThat(page.select("input[name=platforms][value=FACEBOOK_REELS]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=platforms][value=TIKTOK]").hasAttr("checked")).isFalse();
    }

    @Test
    void choosingNoPlatformIsRefusedWithTheTextKept() {
        long brand = GovernanceFixture.newBrand("marketer");
        Response refused = check(DemoUsers.marketer(), brand, List.of(), "Title stays", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Choose at least one platform to check against.");
        assertThat(page.select("#title").val()).isEqualTo("Title stays");
    }

    @Test
    void hiddenBrandsCannotBeTested() {
        long hidden = GovernanceFixture.newBrand();
        assertThat(check(DemoUsers.marketer(), hidden, List.of("TIKTOK"), "x", "y").statusCode()).isEqualTo(404);
        assertThat(DemoUsers.marketer().get("/governance/tester?brand=" + hidden).statusCode()).isEqualTo(404);
    }

    private static Response check(WebSession session, long brand, List<String> platforms, String title, String description) {
        Map<String, Object> form = new HashMap<>(Map.of("brand", brand, "title", title, "description", description));
        if (!platforms.isEmpty()) {
            form.put("platforms", platforms);
        }
        return session.submit("/governance/tester", "/governance/tester", form);
    }
}
