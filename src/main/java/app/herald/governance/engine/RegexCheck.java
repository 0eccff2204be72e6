package app.herald.governance.engine;

import java.util.List;

import com.google.re2j.Matcher;

/**
 * Pattern rules, run with RE2/J on the original text under a time budget. A rule that cannot finish (out of
 * time, or the engine fails) reports one finding at its own severity instead of its partial matches, so a BLOCK
 * rule keeps blocking. Text lacking the pattern's required literal is not scanned at all: most brand patterns are
 * keyword based, and a substring search is far cheaper than a regex scan.
 */
final class RegexCheck extends RuleCheck {

    private static final System.Logger LOG = System.getLogger(RegexCheck.class.getName());

    private final PatternSyntax.CompiledPattern compiled;
    private final boolean mustMatch;
    private final long budgetNanos;
    private final String message;

    private RegexCheck(Rule rule, PatternSyntax.CompiledPattern compiled, boolean mustMatch, long budgetNanos) {
        super(rule);
        this.compiled = compiled;
        this.mustMatch = mustMatch;
        this.budgetNanos = budgetNanos;
        this.message = (mustMatch ? "Text does not match the required pattern /" : "Text matches the forbidden pattern /")
                + compiled.pattern().pattern() + "/.";
    }

    static RegexCheck create(Rule rule, long budgetNanos) {
        RuleSpec.RegexPattern spec = (RuleSpec.RegexPattern) rule.spec();
        PatternSyntax.CompiledPattern compiled = PatternSyntax.compile(rule.id(), spec.pattern(), spec.caseInsensitive());
        return new RegexCheck(rule, compiled, spec.mustMatch(), budgetNanos);
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        String literal = compiled.requiredLiteral();
        boolean canMatch = literal == null || ctx.contains(literal, compiled.literalCaseInsensitive());
        int before = out.size();
        try {
            Matcher m = compiled.pattern().matcher(new BudgetedCharSequence(ctx.text, budgetNanos));
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
            out.add(notChecked(ctx, "its pattern took longer than the " + budgetNanos / 1_000_000 + " ms allowed on this text."));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Pattern rule " + rule.id() + " failed on field " + ctx.field, e);
            out.subList(before, out.size()).clear();
            out.add(notChecked(ctx, "the pattern engine failed (" + e.getClass().getSimpleName() + ")."));
        }
    }
}
