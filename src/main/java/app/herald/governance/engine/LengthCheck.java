package app.herald.governance.engine;

import java.util.List;

/** Length-limit rules counted in code points; the finding covers the part past the limit. */
final class LengthCheck extends RuleCheck {

    private final int maxChars;

    private LengthCheck(Rule rule, int maxChars) {
        super(rule);
        this.maxChars = maxChars;
    }

    static LengthCheck create(Rule rule) {
        Integer max = ((RuleSpec.LengthLimit) rule.spec()).maxChars();
        if (max == null || max <= 0) {
            throw new RuleCompileException(rule.id(), "Maximum length must be a positive number of characters.");
        }
        return new LengthCheck(rule, max);
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        String text = ctx.text;
        if (text.length() <= maxChars) {
            return; // a string never has more code points than chars
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            out.add(finding(ctx, text.offsetByCodePoints(0, maxChars), text.length(),
                    "Text is " + length + " characters; the limit is " + maxChars + "."));
        }
    }
}
