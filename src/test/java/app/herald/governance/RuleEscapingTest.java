package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;

/** Markup typed into a rule or pasted into the tester is shown as text on every page, never run. */
@QuarkusTest
class RuleEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void markupInNameExplanationAndTermsIsEscapedEverywhere() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.newBrand("reviewer");
        String name = GovernanceFixture.unique(SCRIPT);
        long rule = GovernanceFixture.create(reviewer, brand, "BANNED_TERM", Map.of("name", name,
                "terms", SCRIPT, "explanation", "Why: " + SCRIPT));

        for (String page : List.of("/governance/rules", "/governance/rules?brand=" + brand, "/governance/rules/" + rule,
                "/governance/rules/" + rule + "/edit", "/governance/rules/" + rule + "/deactivate")) {
            String html = reviewer.get(page).body().asString();
            assertThat(html).as(page).contains(ESCAPED).doesNotContain(SCRIPT);
            assertThat(Jsoup.parse(html).select("script:not([src^=/js/])")).as(page).isEmpty();
        }
    }

    @Test
    void markedTextInTheTesterStaysEscaped() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.newBrand("reviewer");
        String name = GovernanceFixture.unique("No markup " + SCRIPT);
        GovernanceFixture.create(reviewer, brand, "REGEX", Map.of("name", name, "pattern", "<script>.*?</script>"));

        String html = reviewer.submit("/governance/tester", "/governance/tester", Map.of("brand", brand,
                "platforms", List.of("TIKTOK"), "title", "Watch " + SCRIPT + " now", "description", "")).body().asString();

        assertThat(html).contains(">" + ESCAPED + "</mark>").doesNotContain(SCRIPT);
        Document page = Jsoup.parse(html);
        assertThat(page.select("script:not([src^=/js/])")).isEmpty();
        assertThat(page.select("mark").eachText()).containsExactly(SCRIPT);
        assertThat(page.select("mark").attr("title")).startsWith("Block · No markup " + SCRIPT);
    }
}
