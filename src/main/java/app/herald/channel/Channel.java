package app.herald.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.herald.brand.Brand;
import app.herald.brand.BrandScope;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/** One connected account of a brand on a platform (or a Sandbox stand-in), with its zone and posting limits. */
@Entity
@Table(name = "channel")
public class Channel extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "brand_id")
    public Brand brand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Platform platform;

    /** A Sandbox channel behaves like the platform but publishes into local storage; it is labelled everywhere. */
    @Column(nullable = false)
    public boolean sandbox;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    @Column(nullable = false, length = 64)
    public String timezone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ChannelStatus status = ChannelStatus.ACTIVE;

    /** Posts allowed per local calendar day of the channel's zone. */
    @Column(name = "daily_cap", nullable = false)
    public int dailyCap;

    @Column(name = "min_gap_minutes", nullable = false)
    public int minGapMinutes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Minutes before the slot at which Herald uploads, for the platform to publish at the slot itself (YouTube
     * {@code publishAt}, Facebook {@code SCHEDULED}); null when Herald publishes at the slot.
     */
    @Column(name = "upload_lead_minutes")
    public Integer uploadLeadMinutes;

    /** The dispatcher instance working on this channel until {@link #dispatchLeaseUntil}: one post at a time. */
    @Column(name = "dispatch_owner", length = 80)
    public String dispatchOwner;

    @Column(name = "dispatch_lease_until")
    public Instant dispatchLeaseUntil;

    /** Set when the platform rate-limited the channel: nothing is sent to it before then. */
    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "pause_reason", length = 500)
    public String pauseReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "sandbox_failure_mode", nullable = false, length = 30)
    public SandboxFailureMode sandboxFailureMode = SandboxFailureMode.NONE;

    /** How long {@link SandboxFailureMode#RATE_LIMITED} keeps the channel limited. */
    @Column(name = "sandbox_failure_minutes", nullable = false)
    public int sandboxFailureMinutes = 5;

    @Version
    public int version;

    /** When the metrics importer last fetched this channel's counters; written by the importer only, so read-only here. */
    @Column(name = "metrics_as_of", insertable = false, updatable = false)
    public Instant metricsAsOf;

    /** Until when the platform's rate limit pauses this channel's metrics imports (its publishing goes on). */
    @Column(name = "metrics_paused_until", insertable = false, updatable = false)
    public Instant metricsPausedUntil;

    @Column(name = "metrics_pause_reason", insertable = false, updatable = false)
    public String metricsPauseReason;

    /** The channels of the brands in {@code scope}, by brand name, platform and name. */
    public static List<Channel> listIn(BrandScope scope) {
        return list("select ch from Channel ch join fetch ch.brand b where " + scope.condition("b.id")
                + " order by b.name, ch.platform, ch.displayName", scope.parameters());
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Duration minGap() {
        return Duration.ofMinutes(minGapMinutes);
    }

    /** The kind of account as users know it, e.g. "TikTok account" or "Sandbox (TikTok)". */
    public String kindLabel() {
        return sandbox ? "Sandbox (" + platform.label() + ")" : switch (platform) {
            case YOUTUBE_SHORTS -> "YouTube channel";
            case TIKTOK -> "TikTok account";
            case FACEBOOK_REELS -> "Facebook Page";
        };
    }

    /** Who makes a post public at its slot, as the channel page says it. */
    public String publishingLabel() {
        return uploadLeadMinutes == null ? "Herald publishes at the slot"
                : "uploaded " + uploadLeadMinutes + " minutes ahead; " + platform.label() + " publishes at the slot";
    }

    /** Name with platform, e.g. "TikTok · Northwind [Sandbox]": how the calendar and feed name a channel. */
    public String label() {
        return platform.label() + " · " + displayName + (sandbox ? " [Sandbox]" : "");
    }
}
