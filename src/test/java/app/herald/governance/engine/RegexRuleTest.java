package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static app.herald.governance.engine.TestRules.check;
import static app.herald.governance.engine.TestRules.matched;
import static org.assertj.core.api.Assertions.assertThat;

/** Pattern rules: forbidden and required patterns, flags, everyday brand patterns and original-text offsets. */
class RegexRuleTest {

    @Test
    void forbiddenPatternReportsEveryMatch() {
        List<Finding> findings = check(new RuleSpec.RegexPattern("\\d{3}-\\d{4}", false, false),
                "call 555-1234 or 555-9876");
        assertThat(matched(findings)).containsExactly("555-1234", "555-9876");
        assertThat(findings.get(0).message()).isEqualTo("Text matches the forbidden pattern /\\d{3}-\\d{4}/.");
    }

    @Test
    void caseInsensitiveFlagAppliesToUnicode() {
        assertThat(matched(check(new RuleSpec.RegexPattern("crème", false, true), "CRÈME and crème")))
                .containsExactly("CRÈME", "crème");
        assertThat(matched(check(new RuleSpec.RegexPattern("crème", false, false), "CRÈME and crème")))
                .containsExactly("crème");
    }

    /** The rule kinds brands write, as RE2/J runs them. */
    @Test
    void everydayBrandPatternsFindWhatTheyShould() {
        String text = "Call 555-1234 now! Only $19.99, GUARANTEED results, guarantee included. Ελληνικά too.";
        assertThat(matched(check(new RuleSpec.RegexPattern("\\b\\d{3}-\\d{4}\\b", false, false), text)))
                .containsExactly("555-1234");
        assertThat(matched(check(new RuleSpec.RegexPattern("\\$\\d+(?:\\.\\d{2})?", false, false), text)))
                .containsExactly("$19.99");
        assertThat(matched(check(new RuleSpec.RegexPattern("\\bguarantee(d)?\\b", false, true), text)))
                .containsExactly("GUARANTEED", "guarantee");
        assertThat(matched(check(new RuleSpec.RegexPattern("\\bguarantee\\b", false, false), text)))
                .containsExactly("guarantee");
        assertThat(matched(check(new RuleSpec.RegexPattern("\\p{Greek}+", false, false), text))).containsExactly("Ελληνικά");
        assertThat(matched(check(new RuleSpec.RegexPattern("\\p{Lu}{2,}", false, false), text)))
                .containsExactly("GUARANTEED");
    }

    @Test
    void emptyMatchesAreNotFindings() {
        assertThat(matched(check(new RuleSpec.RegexPattern("x*", false, false), "axxb"))).containsExactly("xx");
    }

    @Test
    void requiredPatternMissingSpansTheWholeField() {
        String text = "Our new drop";
        List<Finding> findings = check(new RuleSpec.RegexPattern("^Official:", true, false), text);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).start()).isZero();
        assertThat(findings.get(0).end()).isEqualTo(text.length());
        assertThat(check(new RuleSpec.RegexPattern("^Official:", true, false), "Official: drop")).isEmpty();
    }

    @Test
    void matchOffsetsAreOriginalIndexesAroundEmoji() {
        String text = "🔥🔥 SALE 🔥";
        Finding f = check(new RuleSpec.RegexPattern("SALE", false, false), text).get(0);
        assertThat(f.start()).isEqualTo(5);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("SALE");
    }

    @Test
    void complementClassesNeverSplitAnEmoji() {
        String text = "a🔥b💸";
        assertThat(matched(check(new RuleSpec.RegexPattern("[^ab]", false, false), text))).containsExactly("🔥", "💸");
        assertThat(check(new RuleSpec.RegexPattern("[^\\x{1F525}ab]", false, false), "a🔥b")).isEmpty();
    }
}
