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

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Summary line for feeds and audit rows: "TikTok · Northwind [Sandbox]: title". */
    public String summary() {
        return channel.label() + ": " + content.title;
    }
}
