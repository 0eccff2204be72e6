package app.herald.channel.youtube;

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
 * Connecting YouTube channels with Google's OAuth 2.0 web-server flow (platform-apis.md 1.1): consent with offline
 * access and PKCE, the code exchange at the token endpoint, the channel from {@code channels.list?mine=true}, and
 * Google's revoke endpoint to disconnect.
 */
@Singleton
public class GoogleOAuth extends PlatformOAuth {

    static final String AUTHORIZE = "https://accounts.google.com/o/oauth2/v2/auth";
    static final String UPLOAD_SCOPE = "https://www.googleapis.com/auth/youtube.upload";
    /** Upload, read the channel's own videos and their status, and the Analytics reports (which also need readonly). */
    public static final List<String> SCOPES = List.of(UPLOAD_SCOPE, "https://www.googleapis.com/auth/youtube.readonly",
            "https://www.googleapis.com/auth/yt-analytics.readonly");

    private final HeraldConfig.YouTube settings;
    private final URI oauthBase;

    @Inject
    public GoogleOAuth(HeraldConfig config) {
        super(Platform.YOUTUBE_SHORTS, "youtube", true, false, "Google", config.youtube().timeout());
        this.settings = config.youtube();
        this.oauthBase = config.google().oauthBase();
    }

    @Override
    public Optional<String> missingSettings() {
        return missing(settings.clientId(), settings.clientSecret(), "herald.youtube.client-id", "herald.youtube.client-secret",
                "Herald's Google OAuth client");
    }

    /** Offline access for a refresh token; {@code prompt=consent} so a reconnect gets a new one too. */
    @Override
    public URI authorizeUri(String state, String redirectUri, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", String.join(" ", SCOPES));
        query.put("state", state);
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("include_granted_scopes", "true");
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        return URI.create(AUTHORIZE + "?" + PlatformHttp.form(query));
    }

    @Override
    public List<OAuthAccount> accounts(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", settings.clientId().orElseThrow());
        form.put("client_secret", settings.clientSecret().orElseThrow());
        form.put("redirect_uri", redirectUri);
        form.put("grant_type", "authorization_code");
        form.put("code_verifier", codeVerifier);
        HttpResponse<String> answer = http.postForm(URI.create(oauthBase + "/token"), form, "exchanging the authorization code");
        JsonNode token = PlatformHttp.json(answer.body());
        if (answer.statusCode() != 200 || !token.hasNonNull("access_token")) {
            String error = token.path("error").asText("http_" + answer.statusCode());
            throw new ChannelException("Google refused the authorization code (" + error + ": "
                    + token.path("error_description").asText("no description") + ")" + ("invalid_grant".equals(error)
                            ? ": it was already used or has expired" : "") + ".");
        }
        List<String> granted = Arrays.asList(token.path("scope").asText("").split(" "));
        if (!granted.contains(UPLOAD_SCOPE) && !granted.contains("https://www.googleapis.com/auth/youtube")) {
            throw new ChannelException("The consent did not allow Herald to upload videos (" + UPLOAD_SCOPE + "): leave"
                    + " every permission ticked on Google's consent page.");
        }
        String accessToken = token.path("access_token").asText();
        HttpResponse<String> channels = http.get(URI.create(settings.apiBase() + "/youtube/v3/channels?part=snippet&mine=true"),
                accessToken, "reading the YouTube channel");
        JsonNode body = PlatformHttp.json(channels.body());
        if (channels.statusCode() != 200) {
            throw new ChannelException("YouTube refused to show the account's channel (HTTP " + channels.statusCode() + ": "
                    + body.path("error").path("message").asText("no message") + ").");
        }
        JsonNode channel = body.path("items").path(0);
        if (channel.isMissingNode()) {
            throw new ChannelException("This Google account has no YouTube channel. Create the channel on YouTube (or"
                    + " choose the account that owns it) before connecting.");
        }
        Instant expiresAt = Instant.now().plusSeconds(token.path("expires_in").asLong(3599));
        ChannelTokens.Tokens tokens = new ChannelTokens.Tokens(channel.path("id").asText(), accessToken,
                token.path("refresh_token").asText(null), expiresAt);
        return List.of(new OAuthAccount(channel.path("snippet").path("title").asText(channel.path("id").asText()), tokens,
                null));
    }

    /** Revoking the refresh token ends the whole grant (its access tokens too). */
    @Override
    public Revocation revoke(ChannelTokens.Tokens tokens) {
        String token = tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken();
        try {
            HttpResponse<String> answer = http.postForm(URI.create(oauthBase + "/revoke"), Map.of("token", token),
                    "revoking access");
            if (answer.statusCode() == 200) {
                return new Revocation(true, "Google revoked Herald's access.");
            }
            JsonNode body = PlatformHttp.json(answer.body());
            return new Revocation(false, "Google did not revoke the access (HTTP " + answer.statusCode() + ", "
                    + body.path("error").asText("no error code") + ": " + body.path("error_description").asText("no description")
                    + "); remove Herald under the Google account's third-party access to be sure.");
        } catch (ChannelException e) {
            return new Revocation(false, e.getMessage());
        }
    }
}
