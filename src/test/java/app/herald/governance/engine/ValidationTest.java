package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static app.herald.governance.engine.TestRules.banned;
import static app.herald.governance.engine.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Save-time validation messages, and what compiling does with a stored rule that no longer validates. */
class ValidationTest {

    private static void rejects(RuleSpec spec, String message) {
        assertThatThrownBy(() -> RuleEngine.validate(spec))
                .isInstanceOf(RuleCompileException.class)
                .hasMessage(message)
                .extracting(e -> ((RuleCompileException) e).ruleId()).isEqualTo(0L);
    }

    @Test
    void termLists() {
        rejects(new RuleSpec.BannedTerm(List.of(), List.of()), "List at least one term.");
        rejects(new RuleSpec.BannedTerm(null, null), "List at least one term.");
        rejects(banned("ok", "  "), "Term 2 is blank.");
        rejects(new RuleSpec.BannedTerm(Arrays.asList("ok", null), List.of()), "Term 2 is blank.");
        rejects(banned("ok", " !!! "), "Term 2 (\"!!!\") has no letters or digits.");
        rejects(new RuleSpec.BannedTerm(List.of("cure"), List.of("")), "Exception 1 is blank.");
        rejects(new RuleSpec.ClaimWord(List.of()), "List at least one term.");
        rejects(new RuleSpec.RequiredDisclaimer(" ", List.of()), "Disclaimer text is blank.");
        rejects(new RuleSpec.RequiredDisclaimer("Paid", List.of("#")), "Trigger 1 (\"#\") has no letters or digits.");
    }

    @Test
    void regex() {
        rejects(new RuleSpec.RegexPattern("(abc", false, false), "Pattern does not compile: missing closing ) in `(abc`.");
        rejects(new RuleSpec.RegexPattern("(abc", false, true), "Pattern does not compile: missing closing ) in `(abc`.");
        rejects(new RuleSpec.RegexPattern("", false, false), "Pattern is required.");
        rejects(new RuleSpec.RegexPattern("a".repeat(1001), false, false), "Pattern is too long (1001 characters; at most 1000).");
        rejects(new RuleSpec.RegexPattern("(?<!\\d)\\d{3}", false, false), "Pattern uses a lookbehind (?<!, which pattern "
                + "rules run in linear time, so backreferences, lookahead, lookbehind, atomic groups and possessive "
                + "quantifiers are not available.");
        rejects(new RuleSpec.RegexPattern("(a{1000}){1000}", false, false), "Pattern repeats too much: its counted "
                + "repetitions expand to about 1003003 steps (at most 5000). Use smaller {n} counts, or + and * instead.");
    }

    @Test
    void hashtagsLengthAndLinks() {
        rejects(new RuleSpec.HashtagRule(List.of(), List.of(), -1), "Maximum hashtag count cannot be negative.");
        rejects(new RuleSpec.HashtagRule(null, null, null), "List a required or forbidden hashtag, or set a maximum count.");
        rejects(new RuleSpec.HashtagRule(List.of("free money"), List.of(), null), "Required hashtag 1 (\"free money\") is "
                + "not a valid hashtag: use letters, digits and underscores after '#'.");
        rejects(new RuleSpec.HashtagRule(List.of(), List.of("#"), null), "Forbidden hashtag 1 (\"#\") is "
                + "not a valid hashtag: use letters, digits and underscores after '#'.");
        rejects(new RuleSpec.LengthLimit(null), "Maximum length must be a positive number of characters.");
        rejects(new RuleSpec.LengthLimit(0), "Maximum length must be a positive number of characters.");
        for (String domain : List.of("https://example.com", "example", "exa mple.com", "example.com/path", "-a.com", "")) {
            rejects(new RuleSpec.LinkAllowlist(List.of(domain)),
                    "Allowed domain 1 (\"" + domain + "\") is not a bare domain name like example.com.");
        }
        assertThatCode(() -> RuleEngine.validate(new RuleSpec.LinkAllowlist(List.of("Shop.Example.COM", "bücher.de"))))
                .doesNotThrowAnyException();
    }

    /** A stored rule that no longer compiles (saved for an earlier engine) must not drop out of its rule set. */
    @Test
    void aStoredRuleThatNoLongerCompilesReportsOnEveryFieldAtItsOwnSeverity() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("ok")),
                rule(42, Severity.BLOCK, new RuleSpec.RegexPattern("free(?= money)", false, false)),
                rule(43, Severity.WARN, new RuleSpec.RegexPattern("[abc", false, false))));

        List<Finding> findings = set.check(TestRules.text("title", "Nothing here", "caption", "ok then"));

        assertThat(findings).extracting(Finding::ruleId, Finding::field, Finding::severity).containsExactly(
                tuple(42L, "title", Severity.BLOCK), tuple(43L, "title", Severity.WARN),
                tuple(1L, "caption", Severity.BLOCK), tuple(42L, "caption", Severity.BLOCK), tuple(43L, "caption", Severity.WARN));
        assertThat(findings).filteredOn(f -> f.ruleId() == 42).allSatisfy(f -> {
            assertThat(f.notChecked()).isTrue();
            assertThat(f.message()).isEqualTo("Could not be checked: Pattern uses a lookahead (?=, which pattern rules run "
                    + "in linear time, so backreferences, lookahead, lookbehind, atomic groups and possessive quantifiers "
                    + "are not available. Edit the rule to fix it. It counts as a finding until it can be checked.");
        });
        assertThat(findings).filteredOn(f -> f.ruleId() == 43).first().extracting(Finding::message).asString()
                .startsWith("Could not be checked: Pattern does not compile: missing closing ] in `[abc`.");
    }

    @Test
    void duplicateRuleIdsAreRejected() {
        assertThatThrownBy(() -> RuleEngine.compile(1, List.of(rule(7, banned("a")), rule(7, banned("b")))))
                .isInstanceOf(RuleCompileException.class)
                .hasMessage("Rule id 7 appears more than once in the rule set.");
    }

    @Test
    void kindMustMatchSpec() {
        assertThatThrownBy(() -> new Rule(3, 1, "x", RuleKind.REGEX, Severity.WARN, Set.of(), Set.of(), "", banned("a")))
                .isInstanceOf(RuleCompileException.class)
                .hasMessage("Rule kind \"Pattern\" does not match its settings (\"Banned term\").")
                .extracting(e -> ((RuleCompileException) e).ruleId()).isEqualTo(3L);
        assertThatThrownBy(() -> RuleEngine.validate(null)).isInstanceOf(RuleCompileException.class);
    }
}
