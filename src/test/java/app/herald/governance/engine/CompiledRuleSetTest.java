package app.herald.governance.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.herald.platform.Platform;

import static app.herald.governance.engine.TestRules.banned;
import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.scoped;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Rule-set behaviour: platform and field scope, ordering, immutability, concurrency and large input. */
class CompiledRuleSetTest {

    @Test
    void platformScopeLimitsWhereARuleFires() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(
                scoped(1, banned("duet"), Set.of(Platform.TIKTOK), Set.of())));
        Map<String, String> fields = Map.of("caption", "Duet this!");

        assertThat(set.check(new CheckedText(Platform.TIKTOK, fields))).hasSize(1);
        assertThat(set.check(new CheckedText(Platform.YOUTUBE_SHORTS, fields))).isEmpty();
        assertThat(set.check(new CheckedText(Platform.FACEBOOK_REELS, fields))).isEmpty();
    }

    @Test
    void fieldScopeLimitsWhereARuleFires() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(
                scoped(1, banned("free"), Set.of(), Set.of("title")),
                scoped(2, new RuleSpec.LengthLimit(3), Set.of(), Set.of("title"))));
        List<Finding> findings = set.check(text("title", "free", "description", "free stuff"));
        assertThat(findings).extracting(Finding::field, Finding::ruleId).containsExactly(tuple("title", 1L), tuple("title", 2L));
    }

    @Test
    void findingsAreGroupedByFieldOrderThenSortedByStartAndRuleId() {
        // rule 3's finding is the longer one, so only the rule-id tie-break puts it first
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(5, banned("b")), rule(4, banned("a")),
                rule(3, banned("a b"))));
        List<Finding> findings = set.check(text("title", "b a b", "caption", "a b"));
        assertThat(findings).extracting(Finding::field, Finding::start, Finding::ruleId).containsExactly(
                tuple("title", 0, 5L), tuple("title", 2, 3L), tuple("title", 2, 4L), tuple("title", 4, 5L),
                tuple("caption", 0, 3L), tuple("caption", 0, 4L), tuple("caption", 2, 5L));
    }

    @Test
    void checkingSeveralTextsKeepsTheirOrderAndPlatforms() {
        CompiledRuleSet set = RuleEngine.compile(42, List.of(rule(1, banned("free"))));
        List<Finding> findings = set.check(List.of(
                new CheckedText(Platform.YOUTUBE_SHORTS, Map.of("title", "free")),
                new CheckedText(Platform.TIKTOK, Map.of("caption", "so free"))));
        assertThat(set.version()).isEqualTo(42);
        assertThat(findings).extracting(Finding::platform, Finding::start)
                .containsExactly(tuple(Platform.YOUTUBE_SHORTS, 0), tuple(Platform.TIKTOK, 3));
    }

    @Test
    void resultsAndRulesAreUnmodifiable() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("free"))));
        List<Finding> findings = set.check(text("caption", "free"));
        assertThatThrownBy(findings::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(set.rules()).extracting(Rule::id).containsExactly(1L);
    }

    @Test
    void concurrentChecksAgree() throws Exception {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("crème brûlée", "free money")),
                rule(2, new RuleSpec.RegexPattern("\\d+", false, false)),
                rule(3, new RuleSpec.HashtagRule(List.of("brand"), List.of(), 3))));
        String caption = "Crème brûlée 🔥 free-money 123 #a #b #c #d ".repeat(200);
        List<Finding> expected = set.check(text("caption", caption));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = pool.invokeAll(Collections.nCopies(16,
                    () -> set.check(text("caption", caption))));
            for (Future<List<Finding>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected).hasSizeGreaterThan(1000);
    }

    @Test
    void hundredThousandCharacterFieldIsCheckedCompletely() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 100_000) {
            sb.append("Lorem ipsum dolor sit amet 🔥 crème brûlée, שלום עולם, 免费 ");
        }
        String caption = sb.append("FREE money!").toString();
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("free money")),
                rule(2, new RuleSpec.LengthLimit(90_000))));
        List<Finding> findings = set.check(text("caption", caption));

        assertThat(findings).extracting(Finding::ruleId).containsExactly(2L, 1L);
        Finding overflow = findings.get(0);
        assertThat(caption.codePointCount(0, overflow.start())).isEqualTo(90_000);
        assertThat(overflow.end()).isEqualTo(caption.length());
        Finding term = findings.get(1);
        assertThat(term.matched()).isEqualTo("FREE money");
        assertThat(term.end()).isEqualTo(caption.length() - 1);
    }
}
