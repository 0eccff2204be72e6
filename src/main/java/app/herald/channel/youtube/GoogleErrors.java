package app.herald.channel.youtube;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.PlatformHttp;

/**
 * Turns a Google error answer ({@code {"error":{"code","message","errors":[{"reason",...}]}}}) into a classified
 * {@link ConnectorFailure}, keyed on the HTTP status and {@code errors[0].reason} as the contract (platform-apis.md
 * 1.5) says, never on the message text, which is only shown.
 */
final class GoogleErrors {

    /** A channel over its upload cap is told to try again after about a day. */
    private static final Duration UPLOAD_CAP_WAIT = Duration.ofHours(24);
    private static final Set<String> THROTTLED = Set.of("userRateLimitExceeded", "rateLimitExceeded", "tooManyRequests",
            "uploadRateLimitExceeded");
    /** 403 reasons that mean the token does not carry the access needed: a new consent fixes them, not a retry. */
    private static final Set<String> ACCESS = Set.of("insufficientPermissions");

    private GoogleErrors() {
    }

    /** The classified failure for a Data API or upload answer that is not a success. */
    static ConnectorFailure classify(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode error = PlatformHttp.json(response.body()).path("error");
        String reason = error.path("errors").path(0).path("reason").asText(null);
        String code = reason != null ? reason : "http_" + status;
        String message = "YouTube: " + text(error.path("message").asText(null), status) + " (" + code + ")";
        Instant now = Instant.now();
        if (status == 403 && "quotaExceeded".equals(reason)) {
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, code, message + ". The project's daily quota"
                    + " resets at midnight Pacific Time.", nextQuotaReset(now));
        }
        if ("uploadLimitExceeded".equals(reason)) {
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, code, message, now.plus(UPLOAD_CAP_WAIT));
        }
        if (status == 429 || THROTTLED.contains(reason)) {
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, code, message, PlatformHttp.retryAfter(response.headers(), now));
        }
        if (status == 401 || ACCESS.contains(reason)) {
            return new ConnectorFailure(FailureClass.AUTH, status, code, message);
        }
        if (status >= 500) {
            return new ConnectorFailure(FailureClass.TRANSIENT, status, code, message);
        }
        return new ConnectorFailure(FailureClass.INVALID, status, code, message);
    }

    /** The next midnight in Pacific Time after {@code now}, when {@code quotaExceeded} lifts. */
    static Instant nextQuotaReset(Instant now) {
        return YouTubeQuota.day(now).plusDays(1).atStartOfDay(YouTubeQuota.QUOTA_ZONE).toInstant();
    }

    private static String text(String message, int status) {
        return message == null || message.isBlank() ? "HTTP " + status : message;
    }
}
