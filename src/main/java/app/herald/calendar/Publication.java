package app.herald.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.herald.channel.Channel;
import app.herald.content.ContentItem;
import app.herald.content.ContentVariant;
import app.herald.platform.CoverFrame;
import app.herald.system.IdentifiedEntity;

/** One content item on one channel at one instant (UTC), bound to the approved revision it was scheduled with. */
@Entity
@Table(name = "publication")
public class Publication extends IdentifiedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    public ContentItem content;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id")
    public Channel channel;

    /**
     * 0 for the content's one post on this channel; an experiment arm's content posts once per proposed slot, each
     * with that slot's id here, so one publication per content, channel and key (V24).
     */
    @Column(name = "post_key", nullable = false)
    public long postKey;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public PublicationStatus status = PublicationStatus.SCHEDULED;

    /** The approved revision this publication will post; a later edit makes it stale. */
    @Column(name = "revision_id", nullable = false)
    public Long revisionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "slot_source", nullable = false, length = 30)
    public SlotSource slotSource;

    /** What the suggested time was based on, e.g. "Suggested from 42 posts, +23% vs your median"; null for chosen times. */
    @Column(name = "slot_note", length = 300)
    public String slotNote;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The dispatcher instance that holds the publication until {@link #leaseUntil}; another takes over after. */
    @Column(name = "claimed_by", length = 80)
    public String claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    /**
     * When it may next be claimed (the slot, the next attempt or the end of a lease; null once final), computed by
     * MariaDB from those columns (V13), as of when this row was read.
     */
    @Column(name = "due_at", insertable = false, updatable = false)
    public Instant dueAt;

    /**
     * The channel's upload lead when this was scheduled: the platform publishes it at the slot and Herald uploads it
     * this many minutes ahead; 0 when Herald publishes at the slot.
     */
    @Column(name = "upload_lead_minutes", nullable = false)
    public int uploadLeadMinutes;

    /** When the platform was asked to make the video public (set when the upload starts); null: at once. */
    @Column(name = "platform_publish_at")
    public Instant platformPublishAt;

    /** Not before this instant: a back-off, a processing poll or a rate-limit reset. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The platform's upload session or container (session URI, publish_id, container id), stored before sending. */
    @Column(name = "upload_ref", length = 1000)
    public String uploadRef;

    /** Bytes the platform holds in the upload session. */
    @Column(name = "upload_offset", nullable = false)
    public long uploadOffset;

    @Column(name = "upload_size")
    public Long uploadSize;

    @Column(name = "platform_video_id", length = 200)
    public String platformVideoId;

    @Column(name = "platform_url", length = 1000)
    public String platformUrl;

    /** Why the publication failed, was missed, waits or is unconfirmed, in the platform's words where it gave any. */
    @Column(name = "failure_reason", length = 1000)
    public String failureReason;

    @Column(nullable = false)
    public int retries;

    /** How often the video was sent again after a lookup found nothing: at most once. */
    @Column(nullable = false)
    public int resends;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Where setting the post's cover frame stands; NONE when its variant chose none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cover_state", nullable = false, length = 10)
    public CoverState coverState = CoverState.NONE;

    /** What setting the cover frame gave: the platform's confirmation, or why it could not be set. */
    @Column(name = "cover_note", length = 1000)
    public String coverNote;

    @Version
    public int version;

    /** Moves the cover frame's state (see {@link CoverState} for the moves allowed) with what the step gave. */
    public void moveCover(CoverState target, String note) {
        if (!coverState.canMoveTo(target)) {
            throw new IllegalStateException("The cover frame of publication " + id + " cannot go from " + coverState
                    + " to " + target);
        }
        coverState = target;
        coverNote = note;
    }

    /** The cover frame its variant chose on the channel's platform; null when the platform picks its own. */
    public CoverFrame cover() {
        return content.variant(channel.platform).map(ContentVariant::cover).orElse(null);
    }

    /** Where the cover frame stands, in words: "Cover frame at 1.5 s: could not be set: YouTube: …". */
    public String coverText() {
        CoverFrame cover = cover();
        if (cover == null) {
            return null;
        }
        return cover.label() + ": " + switch (coverState) {
            case NONE, PENDING -> "set once " + channel.platform.label() + " holds the video";
            case SENDING -> "being set";
            case SET -> "set" + (coverNote == null ? "" : " (" + coverNote + ")");
            case REFUSED -> "could not be set: " + coverNote;
        };
    }

    /** Summary line for feeds and audit rows: "TikTok · Northwind [Sandbox]: title". */
    public String summary() {
        return channel.label() + ": " + content.title;
    }
}
