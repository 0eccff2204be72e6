package app.herald.governance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catastrophic-regex defences: the static heuristic, the runtime budget and the literal prefilter. */
class RegexGuardTest {

    /**
     * Grows polynomially (about n^5) without nesting, so only the runtime budget can stop it; texts
     * contain its required "!" so the literal prefilter does not skip it.
     */
    private static final String SNEAKY = "\\w*\\w*\\w*\\w*\\w*!";

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*", "(a|a)*", "(.*a){20}", "^(\\w+\\s?)+$", "(a|ab)+c", "((ab)*)+",
            "(x+x+)+y", "(?:[a-z]+\\d*)+$", "(\\d|\\w)+!", "(?<n>a?)+", "(?i:(a+)){2,}", "(a+){2}{3}"})
    void rejectsNestedOrOverlappingRepetition(String pattern) {
        assertThatThrownBy(() -> RuleEngine.validate(new RuleSpec.RegexPattern(pattern, false, false)))
                .isInstanceOf(RuleCompileException.class)
                .hasMessageStartingWith("Pattern may backtrack catastrophically: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\d{3}-\\d{4}", "(\\d{1,3}\\.){3}\\d{1,3}", "(cat|dog)+", "\\bfree\\s+money\\b",
            "(?i)guaranteed", "[a-z]+(?:-[a-z]+)*", "(ab+)+", "(\\d+-)+\\d+", "[(a+)+]", "\\(a+\\)+", "\\Q(a+)+\\E",
            "https?://\\S+", "(?<year>\\d{4})-(?<month>\\d{2})", "[]a]+"})
    void acceptsOrdinaryPatterns(String pattern) {
        assertThatCode(() -> RuleEngine.validate(new RuleSpec.RegexPattern(pattern, false, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void runawayPatternThatPassesTheHeuristicIsCutOffAndReported() {
        RuleSpec spec = new RuleSpec.RegexPattern(SNEAKY, false, false);
        RuleEngine.validate(spec);
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(9, Severity.BLOCK, spec)), Duration.ofMillis(30));

        long started = System.nanoTime();
        List<Finding> findings = set.check(text("caption", "!" + "a".repeat(5_000)));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isLessThan(2_000);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).isEqualTo("Rule \"rule 9\" timed out and was skipped.");
            assertThat(f.start()).isZero();
            assertThat(f.end()).isZero();
        });
    }

    @Test
    void partialMatchesOfATimedOutRuleAreDiscarded() {
        RuleSpec spec = new RuleSpec.RegexPattern("a|" + SNEAKY, false, false);
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(9, spec)), Duration.ofMillis(30));
        assertThat(set.check(text("caption", "a" + "b".repeat(3_000)))).singleElement()
                .extracting(Finding::message).asString().contains("timed out");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "(?i)\\bbuy\\s+now\\b; buy", "colou?r; colo", "ab(cd)ef; ab", "\\$\\d+; $", "x{0,3}yz; yz",
            "!!+; !!", "a{2}bc; abc", "xa+b; xa", "(?=x)abc; abc", "a|bc; null", "(?s)abc; null", "(?i:ab)cd; null",
            "\\Qabc\\E; null", "[abc]+; null", "a*; null", "\\d+; null", "(?!abc)xyz; xyz",
            "x{2}{3}y; y", "a*{2}bc; bc"})
    void requiredLiteralIsConservative(String pattern, String literal) {
        assertThat(RegexGuard.compile(0, pattern, false).requiredLiteral()).isEqualTo(literal);
    }

    @Test
    void prefilterFoldsCaseLikeTheRegexEngine() {
        assertThat(TestRules.check(new RuleSpec.RegexPattern("kelvin sale", false, true), "\u212Aelvin ſALE")).hasSize(1);
        assertThat(TestRules.check(new RuleSpec.RegexPattern("(?i)buy now", false, false), "BUY NOW")).hasSize(1);
        assertThat(TestRules.check(new RuleSpec.RegexPattern("buy now", false, false), "BUY NOW")).isEmpty();
        assertThat(TestRules.check(new RuleSpec.RegexPattern("^Official", true, false), "Unofficial")).hasSize(1);
    }

    @Test
    void budgetedSequenceAbortsAfterItsDeadline() {
        BudgetedCharSequence seq = new BudgetedCharSequence("abc", 0);
        assertThatThrownBy(() -> {
            for (int k = 0; k < 10_000; k++) {
                seq.charAt(k % 3);
            }
        }).isInstanceOf(BudgetedCharSequence.BudgetExceededException.class);
    }

    @Test
    void ordinaryPatternOnLongTextFinishesWithinTheDefaultBudget() {
        RuleSpec spec = new RuleSpec.RegexPattern("\\b(?:free|cheap)\\s+(?:money|pills)\\b", false, true);
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, spec)));
        String text = "Nothing to see here, just words. ".repeat(3_000) + "Free money";
        set.check(text("caption", text)); // warm up the regex engine
        assertThat(set.check(text("caption", text))).singleElement().extracting(Finding::matched).isEqualTo("Free money");
    }
}
