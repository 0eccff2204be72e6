package app.herald.governance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pattern rules on RE2/J: linear time, constructs refused by name, the size cap, the time budget that turns a
 * pattern that could not finish into a finding at its own severity, and the literal prefilter.
 */
class PatternSyntaxTest {

    private static void refused(String pattern, String message) {
        assertThatThrownBy(() -> RuleEngine.validate(new RuleSpec.RegexPattern(pattern, false, false)))
                .isInstanceOf(RuleCompileException.class)
                .hasMessageStartingWith(message);
    }

    /**
     * Each of these backtracks exponentially or polynomially in a backtracking engine when, as here, the text almost
     * matches; here each is one pass. None has a required literal, so the engine itself runs over the whole text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a*)*$", "(a|a)*$", "(a|aa)+$", "^(\\w+\\s?)+$", "\\w*\\w*\\w*\\w*\\w*[!?]$",
            "(a+a+)+$", "(.*a){20}$"})
    void classicCatastrophicPatternsAreAcceptedAndFinishFastOnLongText(String pattern) {
        RuleSpec spec = new RuleSpec.RegexPattern(pattern, false, false);
        RuleEngine.validate(spec);
        assertThat(PatternSyntax.compile(0, pattern, false).requiredLiteral()).isNull();
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, spec)), Duration.ofSeconds(30));
        String text = "a".repeat(50_000) + "!?-";

        long started = System.nanoTime();
        List<Finding> findings = set.check(text("caption", text));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // A backtracking engine needs longer than the age of the universe here; a loaded 2-core machine, ~100 ms.
        assertThat(elapsedMillis).isLessThan(5_000);
        assertThat(findings).noneMatch(Finding::notChecked);
    }

    @Test
    void catastrophicShapesStillMatchWhatTheyShould() {
        assertThat(TestRules.matched(TestRules.check(new RuleSpec.RegexPattern("(a+)+$", false, false), "baaa")))
                .containsExactly("aaa");
        assertThat(TestRules.matched(TestRules.check(new RuleSpec.RegexPattern("^(\\w+\\s?)+$", false, false), "two words")))
                .containsExactly("two words");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "(\\w)\\1; Pattern uses a backreference \\1, which pattern rules run in linear time",
            "(?<w>x)\\k<w>; Pattern uses a backreference \\k<…>",
            "free(?= money); Pattern uses a lookahead (?=,",
            "free(?!dom); Pattern uses a lookahead (?!,",
            "(?<=\\$)\\d+; Pattern uses a lookbehind (?<=,",
            "(?<!\\d)\\d{3}; Pattern uses a lookbehind (?<!,",
            "(?>ab|a)c; Pattern uses an atomic group (?>,",
            "a++; Pattern uses a possessive quantifier ++,",
            "\\d{3}+; Pattern uses a possessive quantifier {3}+,",
            "[\\u2600-\\u27BF]; Pattern uses \\u, which pattern rules do not support: write \\x{2600} for U+2600.",
            "end\\Z; Pattern uses \\Z, which pattern rules do not support: use \\z (end of text) or $.",
            "\\p{InGreek}; Pattern uses the character class \\p{InGreek}, which pattern rules do not know",
            "\\p{javaLowerCase}; Pattern uses the character class \\p{javaLowerCase}",
            "(?x) a b; Pattern uses the inline flag x in `(?x`, which pattern rules do not support (they support i, m and s).",
            "\\h+; Pattern uses the escape \\h, which pattern rules do not support.",
            "(?U)\\w+; Pattern uses the flag U, which in pattern rules makes every repetition lazy",
            "[a-z&&[^aeiou]]; Pattern uses the class intersection && ([a-z&&[^aeiou]…), which pattern rules read as plain",
            "[a-c[x-z]]; Pattern uses a character class inside another ([a-c[x-z]…), which pattern rules read as plain",
            "[a-c&&b]; Pattern uses the class intersection && ([a-c&&b]…)",
            "caf\u00e9\\b; Pattern puts \\b next to \"\u00e9\": in pattern rules \\b and \\B only count A–Z",
            "\\b\u00e9t\u00e9; Pattern puts \\b next to \"\u00e9\"",
            "price: (\\d+; Pattern does not compile: missing closing ) in `price: (\\d+`.",
            "[abc; Pattern does not compile: missing closing ] in `[abc`.",
            "a); Pattern does not compile: a ) has no matching (.",
            "*a; Pattern does not compile: missing argument to repetition operator in `*`.",
            "x{1001}; Pattern does not compile: invalid repeat count in `{1001}`.",
    })
    void unsupportedOrMisreadConstructsAreRefusedByName(String pattern, String message) {
        refused(pattern, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\b\\d{3}-\\d{4}\\b", "\\$\\d+(?:\\.\\d{2})?", "(?i)\\bguarantee(d)?\\b", "\\bfree\\s+money\\b",
            "\\p{L}+", "\\p{Lu}{3,}", "\\p{Greek}+", "[[:alpha:]]+", "\\x{1F525}", "(?<year>\\d{4})-(?P<month>\\d{2})",
            "(?i:ab)c", "(?s)a.b", "(?m)^Official", "\\Q(a+)+\\E", "[]a]+", "[\\[\\]]", "crème", "\\bcrème\\b", "[à-ü]+",
            "(\\d{1,3}\\.){3}\\d{1,3}", "https?://\\S+", "[\\w.+-]+@[\\w-]+\\.[a-z]{2,}", "x{,3}", "\\pL\\PL"})
    void everydayPatternsCompile(String pattern) {
        assertThatCode(() -> RuleEngine.validate(new RuleSpec.RegexPattern(pattern, false, false)))
                .doesNotThrowAnyException();
    }

    /** RE2/J expands counted repetitions, so these 30-odd characters would otherwise exhaust the heap when saved. */
    @ParameterizedTest
    @ValueSource(strings = {"((a{1000}){1000}){1000}", "(((a{100}){100}){100}){10}", "(a{1000}){1000}", "[a-z]{1000}\\d{1000}x{1000}y{1000}z{1000}q"})
    void repetitionsThatExpandTooFarAreRefusedBeforeCompiling(String pattern) {
        long started = System.nanoTime();
        refused(pattern, "Pattern repeats too much: its counted repetitions expand to ");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    }

    /** The cap holds for what RE2/J really builds: every accepted pattern's program stays within it. */
    @Test
    void everyAcceptedPatternCompilesWithinTheSizeCap() {
        int[] counts = {1, 2, 5, 10, 50, 100, 500, 1000};
        List<String> shapes = List.of("a{%d}b{%d}", "(a{%d}){%d}", "(?:ab|cd{%d}){%d}", "(\\pL{%d})+x{%d}",
                "(?i)(free{%d}|x)*y{%d}", "(?:[a-z]{%d}\\s?){%d}", "\\Qabc\\E{%d}(?:\\b\\d){%d}", "((x{%d}){2}){%d}");
        int accepted = 0;
        int large = 0;
        for (String shape : shapes) {
            for (int n : counts) {
                for (int m : counts) {
                    String pattern = shape.formatted(n, m);
                    PatternSyntax.CompiledPattern compiled;
                    try {
                        compiled = PatternSyntax.compile(0, pattern, (n + m) % 2 == 0);
                    } catch (RuleCompileException e) {
                        assertThat(e.getMessage()).as(pattern).startsWith("Pattern repeats too much");
                        continue;
                    }
                    accepted++;
                    int size = compiled.pattern().programSize();
                    assertThat(size).as(pattern).isLessThanOrEqualTo((int) PatternSyntax.MAX_PROGRAM_SIZE);
                    large += size > PatternSyntax.MAX_PROGRAM_SIZE / 4 ? 1 : 0;
                }
            }
        }
        assertThat(accepted).isGreaterThan(100);
        assertThat(large).as("patterns accepted close to the cap").isGreaterThan(5);
    }

    @Test
    void aPatternThatRunsOutOfTimeReportsAtItsOwnSeverityInsteadOfPassing() {
        // 1000 instructions per character on 200 000 characters: linear, but far beyond a 1 ms budget (the "!" lets the
        // pattern past the required-literal prefilter)
        RuleSpec spec = new RuleSpec.RegexPattern("[a-z]{1000}!", false, false);
        String text = "a".repeat(200_000) + "!";
        for (Severity severity : Severity.values()) {
            CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(9, severity, spec)), Duration.ofMillis(1));

            long started = System.nanoTime();
            List<Finding> findings = set.check(text("caption", text));

            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(severity);
                assertThat(f.notChecked()).isTrue();
                assertThat(f.message()).isEqualTo("Could not be checked: its pattern took longer than the 1 ms allowed on "
                        + "this text. It counts as a finding until it can be checked.");
                assertThat(f.start()).isZero();
                assertThat(f.end()).isZero();
            });
        }
    }

    @Test
    void partialMatchesOfAPatternThatRanOutOfTimeAreDiscarded() {
        RuleSpec spec = new RuleSpec.RegexPattern("a|[a-z]{1000}!", false, false);
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(9, spec)), Duration.ofMillis(1));
        assertThat(set.check(text("caption", "a".repeat(200_000) + "!"))).singleElement().satisfies(f -> {
            assertThat(f.notChecked()).isTrue();
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        });
    }

    @Test
    void aRequiredPatternThatRanOutOfTimeIsNotReportedAsMissing() {
        RuleSpec spec = new RuleSpec.RegexPattern("[a-z]{1000}!", true, false);
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(9, spec)), Duration.ofMillis(1));
        assertThat(set.check(text("caption", "a".repeat(200_000) + "!"))).singleElement()
                .satisfies(f -> assertThat(f.notChecked()).isTrue());
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
        set.check(text("caption", text)); // warm up
        assertThat(set.check(text("caption", text))).singleElement().extracting(Finding::matched).isEqualTo("Free money");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "(?i)\\bbuy\\s+now\\b; buy", "colou?r; colo", "ab(cd)ef; ab", "\\$\\d+; $", "x{0,3}yz; yz",
            "!!+; !!", "a{2}bc; abc", "xa+b; xa", "a|bc; null", "(?s)abc; null", "(?i:ab)cd; null",
            "\\Qabc\\E; null", "[abc]+; null", "a*; null", "\\d+; null", "\\123abc; abc", "\\x41bc; bc", "\\x{41}bc; bc",
            "x{,3}y; x{,3}y", "a^*bc; bc", "\\pLab; ab", "(?P<n>a)bc; bc"})
    void requiredLiteralIsConservative(String pattern, String literal) {
        assertThat(PatternSyntax.compile(0, pattern, false).requiredLiteral()).isEqualTo(literal);
    }

    @Test
    void prefilterFoldsCaseLikeTheRegexEngine() {
        assertThat(TestRules.check(new RuleSpec.RegexPattern("kelvin sale", false, true), "\u212Aelvin ſALE")).hasSize(1);
        assertThat(TestRules.check(new RuleSpec.RegexPattern("(?i)buy now", false, false), "BUY NOW")).hasSize(1);
        assertThat(TestRules.check(new RuleSpec.RegexPattern("(?i)stra\u1E9Ee", false, false), "straße")).hasSize(1);
        assertThat(TestRules.check(new RuleSpec.RegexPattern("buy now", false, false), "BUY NOW")).isEmpty();
        assertThat(TestRules.check(new RuleSpec.RegexPattern("^Official", true, false), "Unofficial")).hasSize(1);
    }

    /**
     * The prefilter may only skip text the engine cannot match: every pair of code points RE2/J folds together (its
     * simple-fold orbits, read from its own table) must fold alike in {@link FieldContext#caseFold}.
     */
    @Test
    void prefilterNeverSeparatesCodePointsTheEngineFoldsTogether() throws Exception {
        Method simpleFold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
        simpleFold.setAccessible(true);
        int folding = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String own = FieldContext.caseFold(new String(Character.toChars(cp)));
            // an orbit usually cycles back to cp; a few (U+1C80 → В ↔ в) end in a cycle without it
            Set<Integer> seen = new HashSet<>(Set.of(cp));
            for (int other = (int) simpleFold.invoke(null, cp); seen.add(other); other = (int) simpleFold.invoke(null, other)) {
                folding++;
                assertThat(FieldContext.caseFold(new String(Character.toChars(other))))
                        .as("U+%04X and U+%04X", cp, other).isEqualTo(own);
            }
        }
        assertThat(folding).isGreaterThan(2_000);
    }
}
