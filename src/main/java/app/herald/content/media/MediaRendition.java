package app.herald.content.media;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;

/** A 1080 × 1920 version of a content item's video made in the background, with its progress and thumbnail. */
@Entity
@Table(name = "media_rendition")
public class MediaRendition extends IdentifiedEntity {

    /** Where the background work stands. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    @Column(name = "content_id", nullable = false)
    public Long contentId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "source_media_id")
    public MediaFile source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Ffmpeg.Fit fit;

    @Column(name = "thumbnail_second", nullable = false)
    public double thumbnailSecond;

    /** The file name the content shows once this rendition is chosen. */
    @Column(nullable = false, length = 255)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.QUEUED;

    @Column(nullable = false)
    public int percent;

    @ManyToOne
    @JoinColumn(name = "result_media_id")
    public MediaFile result;

    /** Path of the JPEG relative to the media folder. */
    @Column(name = "thumbnail_name", length = 200)
    public String thumbnailName;

    @Column(length = 500)
    public String error;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<MediaRendition> listFor(long contentId) {
        return list("contentId = ?1 order by createdAt desc, id desc", contentId);
    }
}
