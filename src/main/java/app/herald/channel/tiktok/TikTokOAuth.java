package app.herald.channel.tiktok;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
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
 * Connecting TikTok accounts with Login Kit for the web (platform-apis.md 2.1): consent (no PKCE: TikTok asks it of
 * desktop and mobile apps only), the code exchange whose refusals may come with HTTP 200, the creator from
 * {@code /v2/user/info/}, and TikTok's revoke endpoint to disconnect.
 */
@Singleton
public class TikTokOAuth extends PlatformOAuth {

    static final String AUTHORIZE = "https://www.tiktok.com/v2/auth/authorize/";
    /** Identity for the channel's name, Direct Post, and the creator's own videos (reconciliation and counters). */
    public static final List<String> SCOPES = List.of("user.info.basic", "video.publish", "video.list");

    private final HeraldConfig.TikTok settings;

    @Inject
    public TikTokOAuth(HeraldConfig config) {
        super(Platform.TIKTOK, "tiktok", false, false, "TikTok", config.tiktok().timeout());
        this.settings = config.tiktok();
    }

    @Override
    public Optional<String> missingSettings() {
        return missing(settings.clientKey(), settings.clientSecret(), "herald.tiktok.client-key", "herald.tiktok.client-secret",
                "Herald's TikTok app");
    }

    /** TikTok separates scopes with commas. */
    @Override
    public URI authorizeUri(String state, String redirectUri, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_key", settings.clientKey().orElseThrow());
        query.put("response_type", "code");
        query.put("scope", String.join(",", SCOPES));
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        return URI.create(AUTHORIZE + "?" + PlatformHttp.form(query));
    }

    @Override
    public List<OAuthAccount> accounts(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", settings.clientKey().orElseThrow());
        form.put("client_secret", settings.clientSecret().orElseThrow());
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        HttpResponse<String> answer = http.postForm(URI.create(settings.apiBase() + "/v2/oauth/token/"), form,
                "exchanging the authorization code");
        JsonNode token = PlatformHttp.json(answer.body());
        // A refusal is an "error" field (HTTP 400, or 200): the access token's absence is what counts.
        if (!token.hasNonNull("access_token") || token.hasNonNull("error") && !token.path("error").asText().isEmpty()) {
            String error = token.path("error").asText("http_" + answer.statusCode());
            throw new ChannelException("TikTok refused the authorization code (" + error + ": "
                    + token.path("error_description").asText("no description") + ")" + ("invalid_grant".equals(error)
                            ? ": it was already used or has expired" : "") + ".");
        }
        List<String> granted = Arrays.asList(token.path("scope").asText("").split(","));
        List<String> missing = SCOPES.stream().filter(scope -> !granted.contains(scope)).toList();
        if (!missing.isEmpty()) {
            throw new ChannelException("The consent did not grant Herald " + String.join(", ", missing)
                    + ": allow every permission on TikTok's consent page (and check the TikTok app has them approved).");
        }
        String accessToken = token.path("access_token").asText();
        HttpResponse<String> info = http.get(URI.create(settings.apiBase() + "/v2/user/info/?fields="
                + PlatformHttp.encode("open_id,display_name,avatar_url")), accessToken, "reading the TikTok account");
        JsonNode body = PlatformHttp.json(info.body());
        String infoCode = body.path("error").path("code").asText("");
        if (info.statusCode() != 200 || !"ok".equals(infoCode)) {
            throw new ChannelException("TikTok refused to show the account (HTTP " + info.statusCode() + ", "
                    + (infoCode.isEmpty() ? "no error code" : infoCode) + ": " + body.path("error").path("message").asText("no message")
                    + ").");
        }
        JsonNode user = body.path("data").path("user");
        String openId = user.path("open_id").asText(token.path("open_id").asText());
        String name = user.path("display_name").asText("");
        ChannelTokens.Tokens tokens = new ChannelTokens.Tokens(openId, accessToken, token.path("refresh_token").asText(null),
                Instant.now().plusSeconds(token.path("expires_in").asLong(7200)));
        return List.of(new OAuthAccount(name.isBlank() ? "TikTok " + openId : name, tokens, null));
    }

    @Override
    public Revocation revoke(ChannelTokens.Tokens tokens) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", settings.clientKey().orElse(""));
        form.put("client_secret", settings.clientSecret().orElse(""));
        form.put("token", tokens.accessToken());
        try {
            HttpResponse<String> answer = http.postForm(URI.create(settings.apiBase() + "/v2/oauth/revoke/"), form,
                    "revoking access");
            JsonNode body = PlatformHttp.json(answer.body());
            String error = body.path("error").isTextual() ? body.path("error").asText() : body.path("error").path("code").asText("");
            if (answer.statusCode() == 200 && (error.isEmpty() || "ok".equals(error))) {
                return new Revocation(true, "TikTok revoked Herald's access.");
            }
            return new Revocation(false, "TikTok did not revoke the access (HTTP " + answer.statusCode() + ", "
                    + (error.isEmpty() ? "no error code" : error) + "); remove Herald under the TikTok account's"
                    + " Security → Manage app permissions to be sure.");
        } catch (ChannelException e) {
            return new Revocation(false, e.getMessage());
        }
    }
}
