package app.herald.system;

/** A start-up problem the operator must fix; its message says what to do. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
