package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static app.herald.governance.engine.TestRules.check;
import static app.herald.governance.engine.TestRules.matched;
import static org.assertj.core.api.Assertions.assertThat;

/** Hashtag rules: required, forbidden and maximum count, ignoring case and accents. */
class HashtagRuleTest {

    private static RuleSpec required(String... tags) {
        return new RuleSpec.HashtagRule(List.of(tags), List.of(), null);
    }

    private static RuleSpec forbidden(String... tags) {
        return new RuleSpec.HashtagRule(List.of(), List.of(tags), null);
    }

    @Test
    void requiredHashtagMatchesIgnoringCaseAndAccents() {
        assertThat(check(required("#Café"), "Morning at the #CAFE ☕")).isEmpty();
        assertThat(check(required("cafe"), "Morning at the #Café")).isEmpty();
        assertThat(check(required("#cafe"), "Morning at the #cafe\u0301")).isEmpty();
    }

    @Test
    void missingRequiredHashtagSpansTheWholeField() {
        String text = "Morning at the cafe #coffee";
        List<Finding> findings = check(required("#Café", "#coffee"), text);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.start()).isZero();
            assertThat(f.end()).isEqualTo(text.length());
            assertThat(f.message()).isEqualTo("Required hashtag #Café is missing.");
        });
    }

    @Test
    void everyForbiddenOccurrenceIsReported() {
        List<Finding> findings = check(forbidden("crypto"), "#Crypto and #crypto_news and #cryptó! #crypto");
        assertThat(matched(findings)).containsExactly("#Crypto", "#cryptó", "#crypto");
        assertThat(findings.get(0).message()).isEqualTo("Hashtag #crypto is not allowed.");
    }

    @Test
    void hashtagsBeyondTheMaximumAreReported() {
        List<Finding> findings = check(new RuleSpec.HashtagRule(List.of(), List.of(), 2), "#one #two #three 🔥#four");
        assertThat(matched(findings)).containsExactly("#three", "#four");
        assertThat(findings.get(0).message()).isEqualTo("Too many hashtags: 4 used, at most 2 allowed.");
        assertThat(check(new RuleSpec.HashtagRule(List.of(), List.of(), 0), "#one")).hasSize(1);
        assertThat(check(new RuleSpec.HashtagRule(List.of(), List.of(), 2), "#one #two")).isEmpty();
    }

    @Test
    void hashtagSyntax() {
        assertThat(matched(check(forbidden("a", "b", "sharp", "שלום", "日本"),
                "C# and page#sharp are not tags; #a#b is two; #שלום and #日本 are")))
                .containsExactly("#a", "#b", "#שלום", "#日本");
    }

    @Test
    void underscoreIsPartOfTheTag() {
        assertThat(check(forbidden("free_money"), "#freemoney #free")).isEmpty();
        assertThat(matched(check(forbidden("free_money"), "#Free_Money"))).containsExactly("#Free_Money");
    }
}
