package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static app.herald.governance.engine.TestRules.check;
import static app.herald.governance.engine.TestRules.matched;
import static org.assertj.core.api.Assertions.assertThat;

/** Required disclaimers, with and without trigger terms. */
class DisclaimerRuleTest {

    private static final RuleSpec TRIGGERED =
            new RuleSpec.RequiredDisclaimer("Paid partnership", List.of("#ad", "sponsored"));
    private static final RuleSpec ALWAYS = new RuleSpec.RequiredDisclaimer("Results may vary.", List.of());

    @Test
    void triggerWithoutDisclaimerIsReportedOnTheTrigger() {
        List<Finding> findings = check(TRIGGERED, "Loving this serum 😍 #AD #skincare");
        assertThat(matched(findings)).containsExactly("#AD");
        assertThat(findings.get(0).message())
                .isEqualTo("Required disclaimer \"Paid partnership\" is missing (required because of \"#ad\").");
    }

    @Test
    void onlyTheFirstTriggerIsReported() {
        assertThat(matched(check(TRIGGERED, "Sponsored post #ad"))).containsExactly("Sponsored");
    }

    @Test
    void disclaimerPresentInAnyFormSatisfiesTheRule() {
        assertThat(check(TRIGGERED, "#ad — PAID-partnership with Acmé")).isEmpty();
        assertThat(check(TRIGGERED, "paid   partnérship! #ad")).isEmpty();
    }

    @Test
    void hashtagTriggerNeedsTheHashtag() {
        assertThat(check(TRIGGERED, "An ad-free app, adorable")).isEmpty();
    }

    @Test
    void untriggeredRuleIsSilent() {
        assertThat(check(TRIGGERED, "Just my morning routine")).isEmpty();
    }

    @Test
    void alwaysRequiredDisclaimerMissingSpansTheWholeField() {
        String text = "Lose 5 kg in a week 🔥";
        Finding f = check(ALWAYS, text).get(0);
        assertThat(f.start()).isZero();
        assertThat(f.end()).isEqualTo(text.length());
        assertThat(f.message()).isEqualTo("Required disclaimer \"Results may vary.\" is missing.");
    }

    @Test
    void alwaysRequiredDisclaimerOnEmptyFieldHasAnEmptySpan() {
        Finding f = check(ALWAYS, "").get(0);
        assertThat(f.start()).isZero();
        assertThat(f.end()).isZero();
        assertThat(f.matched()).isEmpty();
    }

    @Test
    void alwaysRequiredDisclaimerPresentPasses() {
        assertThat(check(ALWAYS, "Lose weight! results may vary")).isEmpty();
    }
}
