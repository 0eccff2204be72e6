package app.herald.channel;

import java.time.Instant;

/** A platform call that did not succeed, classified, with what the platform said. */
public class ConnectorFailure extends Exception {

    private final FailureClass failureClass;
    private final Integer httpStatus;
    private final String code;
    private final Instant retryAt;

    public ConnectorFailure(FailureClass failureClass, Integer httpStatus, String code, String message, Instant retryAt) {
        super(message);
        this.failureClass = failureClass;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAt = retryAt;
    }

    public ConnectorFailure(FailureClass failureClass, Integer httpStatus, String code, String message) {
        this(failureClass, httpStatus, code, message, null);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    /** For {@link FailureClass#RATE_LIMITED}: when the platform's limit resets (null when it did not say). */
    public Instant retryAt() {
        return retryAt;
    }
}
