package app.herald.governance.engine;

import java.util.List;

/**
 * A stored rule whose settings no longer compile (say, a pattern written for an earlier engine): rather than
 * dropping out of the rule set, it reports on every field it applies to at its own severity.
 */
final class UncheckableCheck extends RuleCheck {

    private final String reason;

    UncheckableCheck(Rule rule, RuleCompileException cause) {
        super(rule);
        this.reason = cause.getMessage() + " Edit the rule to fix it.";
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        out.add(notChecked(ctx, reason));
    }
}
