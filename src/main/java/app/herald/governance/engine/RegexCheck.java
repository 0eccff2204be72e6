package app.herald.governance.engine;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Regex rules, run on the original text under a time budget. A rule that runs out of time reports a
 * WARN finding instead of its partial matches, so a pathological pattern degrades to a visible warning.
 * Text lacking the pattern's required literal is not scanned at all: most brand patterns are keyword
 * based, and a substring search is far cheaper than a regex scan.
 */
final class RegexCheck extends RuleCheck {

    private final RegexGuard.GuardedPattern guarded;
    private final boolean mustMatch;
    private final long budgetNanos;
    private final String message;

    private RegexCheck(Rule rule, RegexGuard.GuardedPattern guarded, boolean mustMatch, long budgetNanos) {
        super(rule);
        this.guarded = guarded;
        this.mustMatch = mustMatch;
        this.budgetNanos = budgetNanos;
        this.message = (mustMatch ? "Text does not match the required pattern /" : "Text matches the forbidden pattern /")
                + guarded.pattern().pattern() + "/.";
    }

    static RegexCheck create(Rule rule, long budgetNanos) {
        RuleSpec.RegexPattern spec = (RuleSpec.RegexPattern) rule.spec();
        RegexGuard.GuardedPattern guarded = RegexGuard.compile(rule.id(), spec.pattern(), spec.caseInsensitive());
        return new RegexCheck(rule, guarded, spec.mustMatch(), budgetNanos);
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        String literal = guarded.requiredLiteral();
        boolean canMatch = literal == null || ctx.contains(literal, guarded.literalCaseInsensitive());
        int before = out.size();
        Matcher m = guarded.pattern().matcher(new BudgetedCharSequence(ctx.text, budgetNanos));
        try {
            if (mustMatch) {
                if (!canMatch || !m.find()) {
                    out.add(finding(ctx, 0, ctx.text.length(), message));
                }
                return;
            }
            while (canMatch && m.find()) {
                if (m.end() > m.start()) { // empty matches mark no text
                    out.add(finding(ctx, m.start(), m.end(), message));
                }
            }
        } catch (BudgetedCharSequence.BudgetExceededException e) {
            out.subList(before, out.size()).clear();
            out.add(finding(ctx, 0, 0, Severity.WARN,
                    "Rule " + quote(rule.name()) + " timed out and was skipped."));
        }
    }
}
