package app.herald.channel;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;
import app.herald.system.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A channel's OAuth tokens, sealed at rest: connectors read and renew them here, each in a short transaction of its
 * own, so no platform call ever runs inside a database transaction.
 */
@ApplicationScoped
public class ChannelTokens {

    /** What a connector needs to call the platform for a channel; {@code refreshToken} may be null. */
    public record Tokens(String accountId, String accessToken, String refreshToken, Instant expiresAt) {
    }

    private final SecretBox box;

    @Inject
    public ChannelTokens(HeraldConfig config) {
        this.box = SecretBox.of(config.secretKey(), config.dataDir());
    }

    /**
     * The channel's tokens; empty when it has none (never connected). A token that cannot be opened (another key,
     * altered) throws {@link SecretBox.Unreadable} with the reason.
     */
    public Optional<Tokens> find(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SealedTokens row = SealedTokens.findById(channelId);
            if (row == null || row.accessToken == null) {
                return Optional.empty();
            }
            return Optional.of(new Tokens(row.externalAccountId, box.open(row.accessToken, context(channelId, "access")),
                    row.refreshToken == null ? null : box.open(row.refreshToken, context(channelId, "refresh")),
                    row.expiresAt));
        });
    }

    /** Stores the tokens of a newly connected account, replacing any earlier ones. */
    public void store(long channelId, Tokens tokens) {
        QuarkusTransaction.requiringNew().run(() -> {
            SealedTokens row = require(channelId);
            row.externalAccountId = tokens.accountId();
            row.accessToken = box.seal(tokens.accessToken(), context(channelId, "access"));
            row.refreshToken = tokens.refreshToken() == null ? null : box.seal(tokens.refreshToken(), context(channelId, "refresh"));
            row.expiresAt = tokens.expiresAt();
        });
    }

    /**
     * Stores a refreshed access token. The refresh token is replaced only when the platform sent a new one: a refresh
     * answer without one (Google's usual answer) keeps the old, which stays valid.
     */
    public void renewed(long channelId, String accessToken, Instant expiresAt, String newRefreshToken) {
        QuarkusTransaction.requiringNew().run(() -> {
            SealedTokens row = require(channelId);
            row.accessToken = box.seal(accessToken, context(channelId, "access"));
            row.expiresAt = expiresAt;
            if (newRefreshToken != null && !newRefreshToken.isBlank()) {
                row.refreshToken = box.seal(newRefreshToken, context(channelId, "refresh"));
            }
        });
    }

    private static SealedTokens require(long channelId) {
        SealedTokens row = SealedTokens.findById(channelId);
        if (row == null) {
            throw new IllegalArgumentException("No channel " + channelId + ".");
        }
        return row;
    }

    /** Binds each sealed token to its row and column, so a value copied to another channel cannot be opened. */
    private static String context(long channelId, String token) {
        return "channel " + channelId + " " + token + " token";
    }
}
