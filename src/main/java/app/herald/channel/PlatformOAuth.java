package app.herald.channel;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import app.herald.platform.Platform;

/**
 * How an admin connects accounts of one platform: where they consent, how the code the platform sends back becomes
 * tokens and accounts, and how access is revoked again. Each call to the platform runs outside any transaction.
 */
public interface PlatformOAuth {

    Platform platform();

    /** The platform's name in connection URLs ({@code /channels/connect/youtube}, the registered callback). */
    String slug();

    /** Why Herald cannot connect this platform yet (which settings to fill); empty once it can. */
    Optional<String> missingSettings();

    /** Whether the authorize request carries a PKCE challenge (S256) and the exchange its verifier. */
    boolean usesPkce();

    /** Whether the consent opens several accounts the admin picks one of (Facebook Pages) rather than one. */
    boolean picksAccount();

    /** The consent page; {@code codeChallenge} is null when the platform takes no PKCE. */
    URI authorizeUri(String state, String redirectUri, String codeChallenge);

    /**
     * Exchanges the authorization code and reads the accounts it opens, each with its tokens. A refusal (a reused or
     * expired code, a missing permission, no account) or a platform that does not answer is a {@link ChannelException}
     * saying so; nothing is stored by this call.
     */
    List<OAuthAccount> accounts(String code, String redirectUri, String codeVerifier);

    /** Revokes Herald's access with the stored tokens where the platform allows it; never throws. */
    Revocation revoke(ChannelTokens.Tokens tokens);

    /** An account a consent opened: its name as the platform shows it, its tokens, and why it cannot be used (or null). */
    record OAuthAccount(String name, ChannelTokens.Tokens tokens, String unusable) {

        public String id() {
            return tokens.accountId();
        }
    }

    /** What the platform answered to a revocation, as users read it. */
    record Revocation(boolean revoked, String message) {
    }
}
