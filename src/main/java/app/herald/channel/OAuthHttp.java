package app.herald.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The calls the platforms' OAuth flows share (form posts to a token endpoint, GETs of the account), where a platform
 * that does not answer is a {@link ChannelException} saying which step it left unanswered.
 */
public final class OAuthHttp {

    private final PlatformHttp http;
    private final String platform;
    private final Duration timeout;

    public OAuthHttp(String platform, Duration timeout) {
        this.http = new PlatformHttp(platform, timeout);
        this.platform = platform;
        this.timeout = timeout;
    }

    /** {@code POST uri} with {@code form} as {@code application/x-www-form-urlencoded} (the bare type: TikTok refuses a charset). */
    public HttpResponse<String> postForm(URI uri, Map<String, String> form, String step) {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build(), step);
    }

    /** {@code GET uri}, with {@code bearer} as the access token when not null. */
    public HttpResponse<String> get(URI uri, String bearer, String step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), step);
    }

    private HttpResponse<String> send(HttpRequest request, String step) {
        try {
            return http.send(request);
        } catch (IOException e) {
            throw new ChannelException(platform + " did not answer while " + step + " (" + PlatformHttp.describe(e) + ").");
        }
    }
}
