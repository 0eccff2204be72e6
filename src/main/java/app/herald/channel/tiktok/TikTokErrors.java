package app.herald.channel.tiktok;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.PlatformHttp;

/**
 * Turns a TikTok v2 answer whose {@code error.code} is not {@code ok} ({@code {"data":{},"error":{"code","message",
 * "log_id"}}}) into a classified {@link ConnectorFailure}, keyed on the code as the platform contract (TikTok section 2.2,
 * 2.3) lists them, never on the message text, which is only shown.
 */
final class TikTokErrors {

    /** TikTok's request limits are per minute (sliding window) and it sends no reset time: wait out one window. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    /** The creator's and the app's posting caps count over 24 hours. */
    static final Duration DAILY_CAP = Duration.ofHours(24);

    private static final Set<String> TOKEN = Set.of("access_token_invalid", "scope_not_authorized", "scope_permission_missed");
    private static final Set<String> DAILY = Set.of("spam_risk_too_many_posts", "reached_active_user_cap",
            "spam_risk_too_many_pending_share");

    private TikTokErrors() {
    }

    /** The body's {@code error.code}; {@code ok} for a success, {@code http_<status>} when the body has none. */
    static String code(JsonNode body, int status) {
        return body.path("error").path("code").asText("http_" + status);
    }

    /** The classified failure for an answer that is not a success. */
    static ConnectorFailure classify(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = PlatformHttp.json(response.body());
        String code = code(body, status);
        if ("ok".equals(code)) {
            code = "http_" + status;
        }
        String said = body.path("error").path("message").asText("");
        String message = "TikTok: " + (said.isBlank() ? "HTTP " + status : said) + " (" + code + ")" + hint(code);
        Instant now = Instant.now();
        if (DAILY.contains(code)) {
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, code, message, now.plus(DAILY_CAP));
        }
        if (status == 429 || "rate_limit_exceeded".equals(code)) {
            Instant reset = PlatformHttp.retryAfter(response.headers(), now);
            return new ConnectorFailure(FailureClass.RATE_LIMITED, status, code, message,
                    reset != null ? reset : now.plus(RATE_WINDOW));
        }
        if (status == 401 || TOKEN.contains(code)) {
            return new ConnectorFailure(FailureClass.AUTH, status, code, message);
        }
        if (status >= 500 || "internal_error".equals(code)) {
            return new ConnectorFailure(FailureClass.TRANSIENT, status, code, message);
        }
        // invalid_param(s), invalid_file_upload, privacy_level_option_mismatch, spam_risk_user_banned_from_posting,
        // unaudited_client_can_only_post_to_private_accounts, url_ownership_unverified, invalid_publish_id and any
        // code the contract does not list: sending the same again cannot succeed.
        return new ConnectorFailure(FailureClass.INVALID, status, code, message);
    }

    /** What a user can do about the codes whose message alone does not say it. */
    private static String hint(String code) {
        return switch (code) {
            case "spam_risk_too_many_posts" -> ". The creator reached TikTok's daily cap of posts through apps; Herald"
                    + " tries again in 24 hours.";
            case "reached_active_user_cap" -> ". Herald's TikTok app reached its daily number of posting creators;"
                    + " Herald tries again in 24 hours.";
            case "unaudited_client_can_only_post_to_private_accounts" -> ". Until TikTok has audited Herald's app, the"
                    + " TikTok account must be set to private to post through it.";
            case "privacy_level_option_mismatch" -> ". The privacy level is not one the creator allows.";
            case "spam_risk_user_banned_from_posting" -> ". TikTok does not let this account post right now.";
            default -> ".";
        };
    }

    /** What a status/fetch {@code fail_reason} means for the user (TikTok contract, section 2.3). */
    static String failReason(String reason) {
        String what = switch (reason) {
            case "file_format_check_failed" -> "TikTok does not accept the video's file format";
            case "duration_check_failed" -> "the video is longer (or shorter) than this creator may post; trim it";
            case "frame_rate_check_failed" -> "the frame rate is outside the 23-60 fps TikTok accepts";
            case "picture_size_check_failed" -> "the resolution is outside the 360-4096 px TikTok accepts";
            case "auth_removed" -> "the creator removed Herald's access while the video was being published";
            case "spam_risk_too_many_posts" -> "the creator reached TikTok's daily cap of posts through apps";
            case "spam_risk_user_banned_from_posting" -> "TikTok does not let this account post right now";
            case "spam_risk_text" -> "TikTok judged the caption risky; change it before posting again";
            case "spam_risk" -> "TikTok judged the post risky";
            case "publish_cancelled" -> "the post was cancelled";
            default -> "TikTok could not publish the video";
        };
        return "TikTok refused the post: " + what + " (" + (reason.isBlank() ? "no reason given" : reason) + ").";
    }
}
