package app.herald.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.herald.brand.Brand;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/**
 * One admin's attempt to connect a platform account to a brand: the one-time state (as its SHA-256), the PKCE verifier
 * and the Facebook Pages on offer (both sealed), kept in the database so that any instance can take the callback.
 */
@Entity
@Table(name = "channel_connection")
public class ChannelConnection extends IdentifiedEntity {

    @Column(name = "state_hash", nullable = false, length = 64)
    public String stateHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Platform platform;

    @ManyToOne(optional = false)
    @JoinColumn(name = "brand_id")
    public Brand brand;

    /** The admin who started it: only they may finish it. */
    @Column(nullable = false, length = 64)
    public String username;

    /** Exactly the redirect URI of the consent request, which the code exchange must repeat. */
    @Column(name = "redirect_uri", nullable = false, length = 500)
    public String redirectUri;

    @Column(name = "code_verifier_sealed", columnDefinition = "TEXT")
    public String codeVerifierSealed;

    @Column(name = "pages_sealed", columnDefinition = "MEDIUMTEXT")
    public String pagesSealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConnectionStatus status;

    @Column(length = 1000)
    public String failure;

    /** The channel it connected, once completed. */
    @Column(name = "channel_id")
    public Long channelId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Until when the callback (or the Page choice) is accepted. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Version
    public int version;

    /** Moves this loaded attempt on (its version guards against a concurrent move). */
    void become(ConnectionStatus next) {
        if (!status.mayBecome(next)) {
            throw new IllegalStateException("A connection cannot go from " + status + " to " + next + ".");
        }
        status = next;
    }

    /**
     * Moves the attempt {@code id} from {@code from} to {@code to} if it still is in {@code from}: true for the one
     * caller that wins, false for a replay or a second instance (the caller's transaction must be active).
     */
    static boolean move(long id, ConnectionStatus from, ConnectionStatus to) {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException("A connection cannot go from " + from + " to " + to + ".");
        }
        return update("status = ?1, version = version + 1 where id = ?2 and status = ?3", to, id, from) == 1;
    }
}
