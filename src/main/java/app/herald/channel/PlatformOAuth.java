package app.herald.channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import app.herald.platform.Platform;

/**
 * How an admin connects accounts of one platform: where they consent, how the code the platform sends back becomes
 * tokens and accounts, and how access is revoked again. Each call to the platform runs outside any transaction.
 */
public abstract class PlatformOAuth {

    private final Platform platform;
    private final String slug;
    private final boolean usesPkce;
    private final boolean picksAccount;
    /** The platform's OAuth calls, named after {@code name} in the messages when it does not answer. */
    protected final OAuthHttp http;

    /**
     * @param slug         the platform's name in connection URLs ({@code /channels/connect/youtube}, the callback)
     * @param usesPkce     whether the consent carries a PKCE challenge (S256) and the exchange its verifier
     * @param picksAccount whether the consent opens several accounts the admin picks one of (Facebook Pages)
     */
    protected PlatformOAuth(Platform platform, String slug, boolean usesPkce, boolean picksAccount, String name,
            Duration timeout) {
        this.platform = platform;
        this.slug = slug;
        this.usesPkce = usesPkce;
        this.picksAccount = picksAccount;
        this.http = new OAuthHttp(name, timeout);
    }

    public Platform platform() {
        return platform;
    }

    public String slug() {
        return slug;
    }

    public boolean usesPkce() {
        return usesPkce;
    }

    public boolean picksAccount() {
        return picksAccount;
    }

    /** Why Herald cannot connect this platform yet (which settings to fill); empty once it can. */
    public abstract Optional<String> missingSettings();

    /** The consent page; {@code codeChallenge} is null when the platform takes no PKCE. */
    public abstract URI authorizeUri(String state, String redirectUri, String codeChallenge);

    /**
     * Exchanges the authorization code and reads the accounts it opens, each with its tokens. A refusal (a reused or
     * expired code, a missing permission, no account) or a platform that does not answer is a {@link ChannelException}
     * saying so; nothing is stored by this call.
     */
    public abstract List<OAuthAccount> accounts(String code, String redirectUri, String codeVerifier);

    /** Revokes Herald's access with the stored tokens where the platform allows it; never throws. */
    public abstract Revocation revoke(ChannelTokens.Tokens tokens);

    /** Empty when both credentials are set, else which keys (and environment variables) to fill with {@code what}. */
    protected static Optional<String> missing(Optional<String> id, Optional<String> secret, String idKey, String secretKey,
            String what) {
        if (id.isPresent() && secret.isPresent()) {
            return Optional.empty();
        }
        return Optional.of("set " + idKey + " and " + secretKey + " (" + variable(idKey) + ", " + variable(secretKey) + ") to "
                + what + ".");
    }

    private static String variable(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /** An account a consent opened: its name as the platform shows it, its tokens, and why it cannot be used (or null). */
    public record OAuthAccount(String name, ChannelTokens.Tokens tokens, String unusable) {

        public String id() {
            return tokens.accountId();
        }
    }

    /** What the platform answered to a revocation, as users read it. */
    public record Revocation(boolean revoked, String message) {
    }
}
