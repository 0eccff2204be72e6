package app.herald.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.herald.brand.Brand;
import app.herald.platform.Platform;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Connection attempts made without a platform: a Facebook Page choice waiting for an admin, as a callback leaves it. */
public final class ConnectionFixture {

    private ConnectionFixture() {
    }

    /** A Page choice of {@code username} for {@code brandId} offering {@code pages}, held the way the callback holds them. */
    public static long pendingPages(long brandId, String username, List<PlatformOAuth.OAuthAccount> pages) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            ChannelConnection attempt = new ChannelConnection();
            attempt.stateHash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            attempt.platform = Platform.FACEBOOK_REELS;
            attempt.brand = Brand.findById(brandId);
            attempt.username = username;
            attempt.redirectUri = "https://herald.example.org/channels/oauth/facebook/callback";
            attempt.status = ConnectionStatus.EXCHANGING;
            attempt.createdAt = Instant.now();
            attempt.expiresAt = Instant.now().plus(ChannelConnections.VALID_FOR);
            attempt.persist();
            return attempt.id;
        });
        Arc.container().instance(ChannelConnections.class).get().hold(id, pages);
        return id;
    }

    /** A usable Page with its token, as {@code /me/accounts} lists it. */
    public static PlatformOAuth.OAuthAccount page(String id, String name, String token) {
        return new PlatformOAuth.OAuthAccount(name, new ChannelTokens.Tokens(id, token, null, null), null);
    }
}
