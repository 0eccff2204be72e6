package app.herald.governance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static app.herald.governance.engine.TestRules.banned;
import static app.herald.governance.engine.TestRules.check;
import static app.herald.governance.engine.TestRules.matched;
import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Banned-term and claim-word matching: folding, word boundaries, phrases, overlaps and exceptions. */
class TermRulesTest {

    @Test
    void accentedTermMatchesPlainTextAndTheOtherWayRound() {
        assertThat(matched(check(banned("Crème brûlée"), "I love creme   BRULEE!"))).containsExactly("creme   BRULEE");
        assertThat(matched(check(banned("creme brulee"), "Essayez la Crème Brûlée."))).containsExactly("Crème Brûlée");
        assertThat(matched(check(banned("creme brulee"), "cre\u0300me bru\u0302le\u0301e")))
                .containsExactly("cre\u0300me bru\u0302le\u0301e");
        assertThat(matched(check(banned("café"), "un cafe\u0301, s'il vous plaît"))).containsExactly("cafe\u0301");
    }

    @ParameterizedTest
    @ValueSource(strings = {"free money", "FREE   money", "free-money", "free, money", "free\n\tmoney", "free…money"})
    void phraseToleratesPunctuationAndSpacingBetweenWords(String written) {
        String text = "get " + written + " now";
        List<Finding> findings = check(banned("free money"), text);
        assertThat(matched(findings)).containsExactly(written);
        Finding f = findings.get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo(written);
    }

    @Test
    void emojiAdjacentToWordsStillMatchWithExactOffsets() {
        String text = "🔥free money🔥";
        Finding f = check(banned("free money"), text).get(0);
        assertThat(f.start()).isEqualTo(2);
        assertThat(f.end()).isEqualTo(12);
        assertThat(f.matched()).isEqualTo("free money");
    }

    @Test
    void wordBoundariesMatter() {
        assertThat(check(banned("ass"), "class assess assessment bass passé")).isEmpty();
        assertThat(matched(check(banned("ass"), "What an ASS! (ass) #ass"))).containsExactly("ASS", "ass", "ass");
    }

    @Test
    void phraseDoesNotMatchAcrossAWordThatIsOnlyAPrefix() {
        assertThat(check(banned("free money"), "freemoney, free moneys, carefree money")).isEmpty();
    }

    @Test
    void hashtagTermOnlyMatchesTheHashtag() {
        assertThat(matched(check(banned("#ad"), "ad #AD bad#ad"))).containsExactly("#AD", "#ad");
    }

    @Test
    void overlappingTermsAreAllReported() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("free")), rule(2, banned("free money")),
                rule(3, banned("money"))));
        List<Finding> findings = set.check(text("caption", "Free money!"));
        assertThat(findings).extracting(Finding::ruleId, Finding::matched)
                .containsExactly(tuple(1L, "Free"),
                        tuple(2L, "Free money"),
                        tuple(3L, "money"));
    }

    @Test
    void termsFoldingToTheSamePhraseReportOnce() {
        assertThat(check(banned("Free money", "free-money", "FREE MONEY"), "free money")).hasSize(1);
    }

    @Test
    void exceptionSuppressesOnlyMatchesInsideIt() {
        RuleSpec spec = new RuleSpec.BannedTerm(List.of("cure"), List.of("cure time"));
        String text = "The Cure-Time is 2h. This will cure you.";
        List<Finding> findings = check(spec, text);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).start()).isEqualTo(text.lastIndexOf("cure"));
    }

    @Test
    void rtlAndCjkTermsMatch() {
        assertThat(matched(check(banned("שלום"), "אמר שָׁלוֹם לכולם"))).containsExactly("שָׁלוֹם");
        assertThat(matched(check(banned("مرحبا"), "قال مَرْحَبًا بكم"))).containsExactly("مَرْحَبًا");
        assertThat(matched(check(banned("免费"), "这是免费的钱"))).containsExactly("免费");
    }

    @Test
    void compatibilityFormsMatchAndMapBack() {
        assertThat(matched(check(banned("fine print"), "Read the ﬁne print"))).containsExactly("ﬁne print");
        assertThat(matched(check(banned("strasse"), "Hauptstraße, Straße"))).containsExactly("Straße");
        assertThat(matched(check(banned("istanbul"), "İSTANBUL"))).containsExactly("İSTANBUL");
        assertThat(matched(check(banned("free money"), "𝐟𝐫𝐞𝐞 ｍｏｎｅｙ"))).containsExactly("𝐟𝐫𝐞𝐞 ｍｏｎｅｙ");
    }

    @Test
    void emptyAndNullFieldsProduceNothing() {
        CompiledRuleSet set = RuleEngine.compile(1, List.of(rule(1, banned("free"))));
        assertThat(set.check(text("title", "", "caption", null))).isEmpty();
    }

    @Test
    void bannedAndClaimFindingsCarryRuleIdentityAndMessages() {
        Rule claim = new Rule(7, 3, "Health claims", RuleKind.CLAIM_WORD, Severity.WARN, null, null, "Needs evidence",
                new RuleSpec.ClaimWord(List.of("guaranteed", "cure")));
        CompiledRuleSet set = RuleEngine.compile(1, List.of(claim, rule(8, banned("scam"))));
        List<Finding> findings = set.check(text("caption", "Guaranteed results, no scam"));

        assertThat(findings).hasSize(2);
        Finding f = findings.get(0);
        assertThat(f.ruleId()).isEqualTo(7);
        assertThat(f.ruleVersion()).isEqualTo(3);
        assertThat(f.ruleName()).isEqualTo("Health claims");
        assertThat(f.kind()).isEqualTo(RuleKind.CLAIM_WORD);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.field()).isEqualTo("caption");
        assertThat(f.message()).isEqualTo("Claim \"guaranteed\" needs reviewer acknowledgement.");
        assertThat(findings.get(1).message()).isEqualTo("Banned term \"scam\".");
        assertThat(findings.get(1).severity()).isEqualTo(Severity.BLOCK);
    }
}
