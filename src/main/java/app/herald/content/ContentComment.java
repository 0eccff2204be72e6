package app.herald.content;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;

/** One message in a content item's discussion thread, including reviewers' decisions with their reasons. */
@Entity
@Table(name = "content_comment")
public class ContentComment extends IdentifiedEntity {

    /** What the comment records. */
    public enum Kind {
        COMMENT("commented"), CHANGES_REQUESTED("requested changes"), REJECTED("rejected"), APPROVED("approved");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    @Column(name = "content_id", nullable = false)
    public Long contentId;

    @Column(nullable = false, length = 64)
    public String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Column(name = "revision_number")
    public Integer revisionNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ContentComment> thread(long contentId) {
        return list("contentId = ?1 order by createdAt, id", contentId);
    }
}
