package app.herald.analytics;

/** A dashboard request Herald cannot answer as asked (bad period, malformed date, unknown report); its message says why. */
public class AnalyticsException extends RuntimeException {

    public AnalyticsException(String message) {
        super(message);
    }
}
