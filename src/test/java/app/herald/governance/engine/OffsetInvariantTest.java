package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Random multilingual texts: every finding must point at exactly the original text it describes. */
class OffsetInvariantTest {

    private static final String[] FRAGMENTS = {
            "Crème brûlée", "creme brulee", "cre\u0300me bru\u0302le\u0301e", "CRÈME-BRÛLÉE", "free money", "free\u200B money",
            "𝐟𝐫𝐞𝐞 money", "ﬁne print", "fine print", "Straße", "STRASSE", "İstanbul", "ıstanbul", "שָׁלוֹם", "مَرْحَبًا",
            "免费", "カード", "🔥", "👍🏽", "👨‍👩‍👧", "1️⃣", "#ad", "#Café", "#cafe\u0301", "https://evil.io/x", "www.example.com",
            " ", "  ", ", ", "!", "\n", "-", "’", "\u200F", "½", "ǰ", "e\u0301", "ass", "class", "#", "##x", "_",
    };
    private static final List<String> TERMS = List.of("crème brûlée", "free money", "fine print", "strasse", "istanbul",
            "שלום", "مرحبا", "免费", "ass", "cafe", "ad", "x");

    @Test
    void findingsAlwaysDescribeTheirOriginalSubstring() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(
                rule(1, new RuleSpec.BannedTerm(TERMS, List.of("fine print terms"))),
                rule(2, new RuleSpec.ClaimWord(List.of("免费", "cafe"))),
                rule(3, new RuleSpec.RequiredDisclaimer("Paid partnership", List.of("#ad"))),
                rule(4, new RuleSpec.RegexPattern("[^\\p{L}\\s]+", false, false)),
                rule(5, new RuleSpec.HashtagRule(List.of("brand"), List.of("cafe"), 1)),
                rule(6, new RuleSpec.LinkAllowlist(List.of("example.com"))),
                rule(7, new RuleSpec.LengthLimit(40)),
                rule(8, new RuleSpec.RegexPattern("stra(ß|ss)e|cr[eè]me|\\bfree\\b|\\p{So}+", false, true))));
        Set<List<String>> termTokens = TERMS.stream().map(OffsetInvariantTest::tokens).collect(Collectors.toSet());
        Random random = new Random(42);
        int termFindings = 0;

        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String caption = sb.toString();
            for (Finding f : set.check(text("caption", caption))) {
                assertThat(f.start()).as("%s in %s", f, caption).isBetween(0, f.end());
                assertThat(f.end()).isLessThanOrEqualTo(caption.length());
                assertThat(caption.substring(f.start(), f.end())).isEqualTo(f.matched());
                assertThat(splitsPair(caption, f.start()) || splitsPair(caption, f.end())).as("%s in %s", f, caption).isFalse();
                if (f.ruleId() == 1) {
                    termFindings++;
                    assertThat(termTokens).as("%s in %s", f, caption).contains(tokens(f.matched()));
                }
            }
        }
        assertThat(termFindings).isGreaterThan(500);
    }

    private static boolean splitsPair(String s, int at) {
        return at > 0 && at < s.length() && Character.isHighSurrogate(s.charAt(at - 1)) && Character.isLowSurrogate(s.charAt(at));
    }

    private static List<String> tokens(String s) {
        NormalizedText n = NormalizedText.of(s);
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < n.tokenCount(); t++) {
            tokens.add(n.token(t));
        }
        return tokens;
    }
}
