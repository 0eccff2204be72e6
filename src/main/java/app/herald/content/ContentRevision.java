package app.herald.content;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.herald.system.IdentifiedEntity;

/** An immutable snapshot of a content item's text (and media checksum) with the SHA-256 of its canonical form. */
@Entity
@Immutable
@Table(name = "content_revision")
public class ContentRevision extends IdentifiedEntity {

    @Column(name = "content_id", nullable = false)
    public Long contentId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 64, columnDefinition = "CHAR(64)")
    public String sha256;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String canonical;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ContentRevision> listFor(long contentId) {
        return list("contentId = ?1 order by number desc", contentId);
    }

    /** The hash cut to 12 characters, as pages show it. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
