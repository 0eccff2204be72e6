package app.herald.channel.facebook;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.PlatformHttp;

/**
 * Turns a Graph API error answer ({@code {"error":{"message","type","code","error_subcode","is_transient"}}}) and
 * the usage headers that came with it into a classified {@link ConnectorFailure}, keyed on the numbers as the
 * contract (platform-apis.md 3.2 and 3.5) says, never on the message text, which is only shown.
 */
final class GraphErrors {


    /** App, user, Page, endpoint, BUC and application limits: wait for the reset, never hammer. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 341, 613, 80001);
    /** Token invalid or expired (190), API session (102), permission missing (10, 200-299): a new login fixes them. */
    private static final Set<Integer> TOKEN = Set.of(102, 190);
    /** "Temporarily blocked" (e.g. posting too fast): the Page must wait, as for a limit. */
    private static final int BLOCKED = 368;
    /** Video API codes the contract says to retry: session init, upload timed out, upload problem. */
    private static final Set<Integer> RETRY = Set.of(1, 2, 6000, 1363019, 1363030);
    /** Usage percentages at which Meta throttles. */
    private static final int FULL = 100;

    private GraphErrors() {
    }

    /** The classified failure for a Graph answer that is not a success. */
    static ConnectorFailure classify(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode error = PlatformHttp.json(response.body()).path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String codeText = code == 0 ? "http_" + status : subcode == 0 ? String.valueOf(code) : code + "/" + subcode;
        String message = "Facebook: " + text(error, status) + " (" + codeText + ")";
        Instant now = Instant.now();
        long regainMinutes = regainMinutes(response.headers());
        if (THROTTLED.contains(code) || code == BLOCKED || regainMinutes > 0 || appUsageFull(response.headers())) {
            Instant reset = regainMinutes > 0 ? now.plusSeconds(regainMinutes * 60) : null;
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, codeText, message + (reset == null ? ""
                    : "; Facebook estimates access is regained in " + regainMinutes + " min") + ".", reset);
        }
        if (TOKEN.contains(code) || code == 10 || (code >= 200 && code <= 299)) {
            return new ConnectorFailure(FailureClass.AUTH, status, codeText, message + ".");
        }
        if (error.path("is_transient").asBoolean(false) || RETRY.contains(code) || RETRY.contains(subcode) || status >= 500) {
            return new ConnectorFailure(FailureClass.TRANSIENT, status, codeText, message + ".");
        }
        return new ConnectorFailure(FailureClass.INVALID, status, codeText, message + ".");
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in {@code X-Business-Use-Case-Usage}, whose shape
     * is {@code {"<page-id>":[{"type":"pages","call_count":97,...,"estimated_time_to_regain_access":0}]}}; 0 when none.
     */
    static long regainMinutes(HttpHeaders headers) {
        JsonNode usage = PlatformHttp.json(headers.firstValue("X-Business-Use-Case-Usage").orElse(null));
        long longest = 0;
        for (JsonNode perObject : usage) {
            for (JsonNode entry : perObject) {
                longest = Math.max(longest, entry.path("estimated_time_to_regain_access").asLong(0));
            }
        }
        return longest;
    }

    /** Whether {@code X-App-Usage} reports a percentage at the throttling mark. */
    private static boolean appUsageFull(HttpHeaders headers) {
        JsonNode usage = PlatformHttp.json(headers.firstValue("X-App-Usage").orElse(null));
        for (JsonNode percentage : usage) {
            if (percentage.asInt(0) >= FULL) {
                return true;
            }
        }
        return false;
    }

    /** What a person should read: Meta's message for users when it gave one, its technical message otherwise. */
    private static String text(JsonNode error, int status) {
        String user = error.path("error_user_msg").asText("");
        if (!user.isBlank()) {
            return user;
        }
        String message = error.path("message").asText("");
        return message.isBlank() ? "HTTP " + status : message;
    }
}
