package app.herald.governance.engine;

import java.util.List;

/**
 * Required-disclaimer rules. A missing disclaimer is reported once per field: on the first trigger
 * occurrence when the rule has triggers (that is what made it required), otherwise on the whole field.
 */
final class DisclaimerCheck extends RuleCheck {

    private final int index;
    private final String missing;
    private final boolean triggered;

    private DisclaimerCheck(Rule rule, int index, String missing, boolean triggered) {
        super(rule);
        this.index = index;
        this.missing = missing;
        this.triggered = triggered;
    }

    static DisclaimerCheck create(Rule rule, int index, TermDictionary.Builder dictionary) {
        RuleSpec.RequiredDisclaimer spec = (RuleSpec.RequiredDisclaimer) rule.spec();
        dictionary.add(rule.id(), index, TermDictionary.Role.DISCLAIMER, "Disclaimer text", spec.text());
        dictionary.addAll(rule.id(), index, TermDictionary.Role.TRIGGER, "Trigger", spec.triggers());
        String missing = "Required disclaimer " + quote(spec.text().strip()) + " is missing";
        return new DisclaimerCheck(rule, index, missing, !spec.triggers().isEmpty());
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        TermDictionary.Hit trigger = null;
        for (TermDictionary.Hit hit : ctx.hits(index)) {
            if (hit.phrase().role == TermDictionary.Role.DISCLAIMER) {
                return;
            }
            if (trigger == null) {
                trigger = hit;
            }
        }
        if (!triggered) {
            out.add(finding(ctx, 0, ctx.text.length(), missing + "."));
        } else if (trigger != null) {
            out.add(finding(ctx, trigger.start(), trigger.end(),
                    missing + " (required because of " + quote(trigger.phrase().source) + ")."));
        }
    }
}
