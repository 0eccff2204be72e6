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
import io.restassured.response.Response;

/** Refused rule input: a clear message, the values as typed, status 400 and nothing stored. */
@QuarkusTest
class RuleValidationTest {

    @Test
    void aRegexThatDoesNotCompileIsRefusedWithTheProblemNamed() {
        long brand = GovernanceFixture.northwind();
        int ruleSetVersion = GovernanceFixture.ruleSetVersion(brand);
        String name = GovernanceFixture.unique("Broken pattern");

        Response refused = GovernanceFixture.post(DemoUsers.reviewer(), brand, "REGEX", Map.of("name", name,
                "pattern", "price: (\\d+", "mustMatch", "false", "caseInsensitive", "true", "severity", "WARN",
                "platformScope", "SOME", "platforms", List.of("TIKTOK"), "explanation", "No prices in captions."));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Pattern does not compile: missing closing ) in `price: (\\d+`.");
        assertThat(page.select("#name").val()).isEqualTo(name);
        assertThat(page.select("#pattern").val()).isEqualTo("price: (\\d+");
        assertThat(page.select("#explanation").val()).isEqualTo("No prices in captions.");
        assertThat(page.select("input[name=severity][value=WARN]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=caseInsensitive]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=platformScope][value=SOME]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=platforms][value=TIKTOK]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=platforms][value=YOUTUBE_SHORTS]").hasAttr("checked")).isFalse();
        assertThat(page.select("input[name=csrf-token]").attr("value")).isNotBlank();
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(ruleSetVersion);
    }

    @Test
    void aPatternUsingAConstructPatternRulesDoNotSupportIsRefusedNamingIt() {
        long brand = GovernanceFixture.northwind();
        int ruleSetVersion = GovernanceFixture.ruleSetVersion(brand);
        String name = GovernanceFixture.unique("Repeated words");
        Response refused = GovernanceFixture.post(DemoUsers.admin(), brand, "REGEX",
                Map.of("name", name, "pattern", "\\b(\\w+) \\1\\b"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Pattern uses a backreference \\1, which pattern rules run "
                + "in linear time, so backreferences, lookahead, lookbehind, atomic groups and possessive quantifiers are "
                + "not available.");
        assertThat(page.select("#pattern").val()).isEqualTo("\\b(\\w+) \\1\\b");
        assertThat(page.select("#pattern-help").text()).contains("backreferences (\\1), lookahead and lookbehind ((?=, (?<!)");
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(ruleSetVersion);
    }

    @Test
    void anEmptyTermListIsRefused() {
        String name = GovernanceFixture.unique("No terms");
        Response refused = GovernanceFixture.post(DemoUsers.reviewer(), GovernanceFixture.northwind(), "BANNED_TERM",
                Map.of("name", name, "terms", "\n  \n", "exceptions", "kept exception"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("List at least one term.");
        assertThat(page.select("#exceptions").val()).isEqualTo("kept exception");
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
    }

    @Test
    void missingNameAndNonNumericLimitsAreRefused() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.northwind();
        Response noName = GovernanceFixture.post(reviewer, brand, "BANNED_TERM", Map.of("name", "  ", "terms", "x"));
        assertThat(Jsoup.parse(noName.body().asString()).select(".form-error").text()).isEqualTo("Give the rule a name.");

        String name = GovernanceFixture.unique("Limit");
        Response notANumber = GovernanceFixture.post(reviewer, brand, "LENGTH_LIMIT", Map.of("name", name, "maxChars", "ten"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(notANumber.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Maximum length must be a whole number (\"ten\" is not).");
        assertThat(page.select("#maxChars").val()).isEqualTo("ten");
        assertThat(page.select("#explanation").val()).isEmpty();

        Response noPlatform = GovernanceFixture.post(reviewer, brand, "BANNED_TERM",
                Map.of("name", name, "terms", "x", "platformScope", "SOME"));
        assertThat(Jsoup.parse(noPlatform.body().asString()).select(".form-error").text())
                .isEqualTo("Choose at least one platform, or apply the rule to all platforms.");
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
    }

    @Test
    void aSecondRuleWithTheSameNameInOneBrandIsRefused() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.northwind();
        String name = GovernanceFixture.unique("Twin");
        GovernanceFixture.create(reviewer, brand, "BANNED_TERM", Map.of("name", name, "terms", "x"));

        Response twin = GovernanceFixture.post(reviewer, brand, "CLAIM_WORD", Map.of("name", name.toUpperCase(), "claims", "y"));

        assertThat(twin.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(twin.body().asString()).select(".form-error").text())
                .isEqualTo("This brand already has a rule named \"" + name.toUpperCase() + "\"; choose another name.");
        assertThat(GovernanceFixture.versionsNamed(name)).isEqualTo(1);
    }

    @Test
    void unknownAndHiddenBrandsAndRulesAreNotFound() {
        WebSession reviewer = DemoUsers.reviewer();
        long hidden = GovernanceFixture.newBrand();
        String hiddenName = GovernanceFixture.unique("Hidden");
        long hiddenRule = GovernanceFixture.create(DemoUsers.admin(), hidden, "BANNED_TERM",
                Map.of("name", hiddenName, "terms", "secret"));
        String name = GovernanceFixture.unique("Nowhere");

        assertThat(reviewer.get("/governance/rules/new?brand=987654321&kind=BANNED_TERM").statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/governance/rules/new?brand=" + hidden + "&kind=BANNED_TERM").statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/governance/rules/new?brand=" + GovernanceFixture.northwind() + "&kind=NONSENSE")
                .statusCode()).isEqualTo(404);
        assertThat(GovernanceFixture.post(reviewer, 987654321, "BANNED_TERM", Map.of("name", name, "terms", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(GovernanceFixture.post(reviewer, hidden, "BANNED_TERM", Map.of("name", name, "terms", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/governance/rules?brand=" + hidden).statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/governance/rules/" + hiddenRule).statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/governance/rules/987654321").statusCode()).isEqualTo(404);
        assertThat(reviewer.submit("/", "/governance/rules/" + hiddenRule + "/deactivate", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(reviewer.page("/governance/rules").text()).doesNotContain(hiddenName);
        assertThat(DemoUsers.admin().page("/governance/rules").text()).contains(hiddenName);
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
        assertThat(GovernanceFixture.rule(hiddenRule).active).isTrue();
    }

    @Test
    void aPostWithoutCsrfTokenIsRejectedAndSavesNothing() {
        WebSession reviewer = DemoUsers.reviewer();
        reviewer.get("/governance/rules");
        String name = GovernanceFixture.unique("Forged");

        Response forged = reviewer.submitWithoutToken("/governance/rules", Map.of("brand",
                String.valueOf(GovernanceFixture.northwind()), "kind", "BANNED_TERM", "name", name, "severity", "BLOCK",
                "terms", "anything"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(GovernanceFixture.versionsNamed(name)).isZero();
    }

    @Test
    void everyGovernanceFormCarriesTheToken() {
        WebSession reviewer = DemoUsers.reviewer();
        long brand = GovernanceFixture.northwind();
        long rule = GovernanceFixture.create(reviewer, brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Tokens"), "terms", "x"));
        List<String> pages = List.of("/governance/rules/new?brand=" + brand + "&kind=HASHTAG", "/governance/rules/" + rule,
                "/governance/rules/" + rule + "/edit", "/governance/rules/" + rule + "/deactivate", "/governance/tester");
        for (String page : pages) {
            List<String> tokens = reviewer.page(page).select("form[method=post]").stream()
                    .map(form -> form.select("input[name=csrf-token]").attr("value")).toList();
            assertThat(tokens).as(page).isNotEmpty().allSatisfy(token -> assertThat(token).isNotBlank());
        }
    }
}
