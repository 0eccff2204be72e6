package app.herald.channel.facebook;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import app.herald.channel.ChannelException;
import app.herald.channel.ChannelTokens;
import app.herald.channel.PlatformHttp;
import app.herald.channel.PlatformOAuth;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;

/**
 * Connecting Facebook Pages with Facebook Login (platform-apis.md 3.1): consent, the code exchanged for a short-lived
 * user token, that one for a long-lived user token, and the admin's Pages from {@code /me/accounts}, each with its own
 * Page token (no expiry, no refresh). Herald keeps only the chosen Page's token, never the user token.
 */
@Singleton
public class FacebookOAuth extends PlatformOAuth {

    /** Publish reels and read their insights. */
    public static final List<String> SCOPES = List.of("pages_show_list", "pages_read_engagement", "pages_manage_posts",
            "read_insights");
    /** The Page task reels need; without it publishing is refused. */
    static final String CREATE_CONTENT = "CREATE_CONTENT";

    private final HeraldConfig.Facebook settings;

    @Inject
    public FacebookOAuth(HeraldConfig config) {
        super(Platform.FACEBOOK_REELS, "facebook", false, true, "Facebook", config.facebook().timeout());
        this.settings = config.facebook();
    }

    @Override
    public Optional<String> missingSettings() {
        return missing(settings.appId(), settings.appSecret(), "herald.facebook.app-id", "herald.facebook.app-secret",
                "Herald's Meta app");
    }

    @Override
    public URI authorizeUri(String state, String redirectUri, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.appId().orElseThrow());
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("scope", String.join(",", SCOPES));
        query.put("response_type", "code");
        return URI.create("https://www.facebook.com/" + settings.graphVersion() + "/dialog/oauth?" + PlatformHttp.form(query));
    }

    @Override
    public List<OAuthAccount> accounts(String code, String redirectUri, String codeVerifier) {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("client_id", settings.appId().orElseThrow());
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_secret", settings.appSecret().orElseThrow());
        exchange.put("code", code);
        String shortLived = token(graph("oauth/access_token", exchange), "exchanging the authorization code",
                "Facebook refused the authorization code");
        Map<String, String> extend = new LinkedHashMap<>();
        extend.put("grant_type", "fb_exchange_token");
        extend.put("client_id", settings.appId().orElseThrow());
        extend.put("client_secret", settings.appSecret().orElseThrow());
        extend.put("fb_exchange_token", shortLived);
        String longLived = token(graph("oauth/access_token", extend), "extending the user token",
                "Facebook refused to extend the user token");
        JsonNode pages = read(graph("me/accounts", Map.of("fields", "id,name,access_token,tasks", "access_token", longLived)),
                "reading your Pages", "Facebook refused to list your Pages").path("data");
        List<OAuthAccount> accounts = new ArrayList<>();
        for (JsonNode page : pages) {
            List<String> tasks = new ArrayList<>();
            page.path("tasks").forEach(task -> tasks.add(task.asText()));
            String unusable = tasks.contains(CREATE_CONTENT) ? null : "your role on this Page does not include creating"
                    + " content (" + CREATE_CONTENT + "), so Herald could not publish reels to it";
            accounts.add(new OAuthAccount(page.path("name").asText(page.path("id").asText()), new ChannelTokens.Tokens(
                    page.path("id").asText(), page.path("access_token").asText(), null, null), unusable));
        }
        if (accounts.isEmpty()) {
            throw new ChannelException("The Facebook account manages no Page Herald was allowed to see: choose the Pages"
                    + " on Facebook's consent page (or get a role on the Page) before connecting.");
        }
        return accounts;
    }

    /** Facebook has no revoke call for a Page token alone (and Herald never kept the user token). */
    @Override
    public Revocation revoke(ChannelTokens.Tokens tokens) {
        return new Revocation(false, "Facebook has no way to revoke a Page token on its own, so Herald only deleted it;"
                + " to end the access on Facebook's side too, remove Herald's app under the Page's Business integrations.");
    }

    private URI graph(String path, Map<String, String> query) {
        return URI.create(settings.graphBase() + "/" + settings.graphVersion() + "/" + path + "?" + PlatformHttp.form(query));
    }

    private String token(URI uri, String step, String refusal) {
        JsonNode body = read(uri, step, refusal);
        if (!body.hasNonNull("access_token")) {
            throw new ChannelException(refusal + " (no access token in the answer).");
        }
        return body.path("access_token").asText();
    }

    /** A Graph GET; the error envelope ({@code error.message}, {@code code}, {@code error_subcode}) becomes the reason. */
    private JsonNode read(URI uri, String step, String refusal) {
        HttpResponse<String> answer = http.get(uri, null, step);
        JsonNode body = PlatformHttp.json(answer.body());
        if (answer.statusCode() != 200 || body.has("error")) {
            JsonNode error = body.path("error");
            throw new ChannelException(refusal + " (HTTP " + answer.statusCode() + ", code " + error.path("code").asText("?")
                    + (error.has("error_subcode") ? "/" + error.path("error_subcode").asText() : "") + ": "
                    + error.path("message").asText("no message") + ").");
        }
        return body;
    }
}
