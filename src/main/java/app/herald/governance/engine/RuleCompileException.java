package app.herald.governance.engine;

/**
 * A rule that cannot be saved or compiled, with a message fit to show the rule author.
 * Unchecked so that save handlers can let it propagate to a single error mapper.
 */
public class RuleCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long ruleId;

    /** @param ruleId the offending rule, or 0 when a spec was validated before the rule was saved */
    public RuleCompileException(long ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public long ruleId() {
        return ruleId;
    }
}
