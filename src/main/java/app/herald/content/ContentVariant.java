package app.herald.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/**
 * The text a content item is posted with on one platform: a title (YouTube only) and a description or caption, and
 * the cover frame the post shows when one was chosen.
 */
@Entity
@Table(name = "content_variant")
public class ContentVariant extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "content_id")
    public ContentItem content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Platform platform;

    @Column(length = 200)
    public String title;

    @Column(columnDefinition = "TEXT")
    public String body;

    /** The second of the video the post shows as its cover, in milliseconds; null leaves it to the platform (V27). */
    @Column(name = "cover_ms")
    public Integer coverMs;

    public CoverFrame cover() {
        return CoverFrame.ofNullable(coverMs);
    }
}
