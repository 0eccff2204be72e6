package app.herald.review;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.herald.system.IdentifiedEntity;

/** A reviewer's approval of one exact revision (by hash), with the rule-set version and the warnings acknowledged. */
@Entity
@Immutable
@Table(name = "content_approval")
public class ContentApproval extends IdentifiedEntity {

    @Column(name = "content_id", nullable = false)
    public Long contentId;

    @Column(name = "revision_id", nullable = false)
    public Long revisionId;

    @Column(name = "revision_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    public String revisionHash;

    @Column(nullable = false, length = 64)
    public String reviewer;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    @Column(name = "rule_set_version", nullable = false)
    public int ruleSetVersion;

    /** The acknowledged warnings, one "key — message" per line. */
    @Column(columnDefinition = "TEXT")
    public String acknowledged;

    /** The item's most recent approval, if it was ever approved. */
    public static Optional<ContentApproval> latestOf(long contentId) {
        return find("contentId = ?1 order by approvedAt desc, id desc", contentId).firstResultOptional();
    }
}
