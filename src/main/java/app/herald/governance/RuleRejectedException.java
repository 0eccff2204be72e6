package app.herald.governance;

/** A refused rule change; the message is shown to the rule author as is. */
public class RuleRejectedException extends RuntimeException {

    public RuleRejectedException(String message) {
        super(message);
    }
}
