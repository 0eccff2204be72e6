package app.herald.experiment;

/** An experiment change refused for a reason the user can fix; the message says what to do. */
public class ExperimentException extends RuntimeException {

    public ExperimentException(String message) {
        super(message);
    }
}
