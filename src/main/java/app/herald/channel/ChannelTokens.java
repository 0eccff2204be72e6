package app.herald.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** An access token this close to its expiry is renewed first, so it cannot run out in the middle of a chunk. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

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

    /**
     * The channel's tokens for a connector call to {@code platform}; none, or tokens that cannot be opened, are an AUTH
     * failure whose message the channel's "reconnect needed" reason then shows (not connected yet, another key).
     */
    public Tokens require(ChannelRef channel, String platform) throws ConnectorFailure {
        try {
            return find(channel.id()).orElseThrow(() -> new ConnectorFailure(FailureClass.AUTH, null, "not_connected",
                    channel.displayName() + " is not connected to a " + platform + " account yet."));
        } catch (SecretBox.Unreadable e) {
            throw new ConnectorFailure(FailureClass.AUTH, null, "token_unreadable", e.getMessage());
        }
    }

    /**
     * The access token to call {@code platform} with; an expired one is an AUTH failure before any call, so the
     * dispatcher renews it through the connector's refresh and records that step.
     */
    public String accessToken(ChannelRef channel, String platform) throws ConnectorFailure {
        Tokens stored = require(channel, platform);
        if (stored.expiresAt() != null && !Instant.now().plus(EXPIRY_MARGIN).isBefore(stored.expiresAt())) {
            throw new ConnectorFailure(FailureClass.AUTH, null, "token_expired", "The " + platform + " access token expired at "
                    + stored.expiresAt() + ".");
        }
        return stored.accessToken();
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

    /**
     * Deletes the channel's tokens (a disconnect); the platform account's id stays, so connecting the same account
     * again updates this channel rather than adding another.
     */
    public void forget(long channelId) {
        QuarkusTransaction.requiringNew().run(() -> {
            SealedTokens row = require(channelId);
            row.accessToken = null;
            row.refreshToken = null;
            row.expiresAt = null;
        });
    }

    /** The platform account the channel holds tokens for; empty when it holds none (never connected, disconnected). */
    public Optional<String> connectedAccount(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SealedTokens row = SealedTokens.findById(channelId);
            return row == null || row.accessToken == null ? Optional.<String>empty() : Optional.ofNullable(row.externalAccountId);
        });
    }

    /** Ids of the channels that are or were connected to the platform account {@code accountId}, in the caller's transaction. */
    public List<Long> channelsOf(String accountId) {
        return SealedTokens.<SealedTokens>list("externalAccountId", accountId).stream().map(row -> row.id).toList();
    }

    /** Whether the channel was ever connected to a platform account, in the caller's transaction. */
    public boolean everConnected(long channelId) {
        SealedTokens row = SealedTokens.findById(channelId);
        return row != null && row.externalAccountId != null;
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
