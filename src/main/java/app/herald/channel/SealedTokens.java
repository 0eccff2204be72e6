package app.herald.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The token columns of a {@code channel} row, mapped apart from {@link Channel} so that saving a channel (a pause, a
 * lease) never writes back tokens it read before a refresh, and a refresh never races the channel's version. Only
 * {@link ChannelTokens} reads or writes it; the tokens are sealed by {@code SecretBox}.
 */
@Entity
@Table(name = "channel")
public class SealedTokens extends PanacheEntityBase {

    @Id
    public Long id;

    /** The platform's id of the connected account (YouTube channel, TikTok open_id, Facebook Page). */
    @Column(name = "external_account_id", length = 200)
    public String externalAccountId;

    @Column(name = "access_token_sealed", columnDefinition = "TEXT")
    public String accessToken;

    @Column(name = "refresh_token_sealed", columnDefinition = "TEXT")
    public String refreshToken;

    @Column(name = "token_expires_at")
    public Instant expiresAt;
}
