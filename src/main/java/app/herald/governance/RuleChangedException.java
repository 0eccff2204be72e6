package app.herald.governance;

/** An edit based on a version of the rule that is no longer the current one; the edit page answers it with a 409. */
public class RuleChangedException extends RuleRejectedException {

    public RuleChangedException(String message) {
        super(message);
    }
}
