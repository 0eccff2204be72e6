package app.herald.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.herald.system.IdentifiedEntity;

/**
 * One append-only audit record: who did what to which subject, when, from which state to which, on which revision.
 * Database triggers refuse UPDATE and DELETE on its table.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends IdentifiedEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 64, updatable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    public AuditAction action;

    @Column(name = "subject_type", nullable = false, length = 20, updatable = false)
    public String subjectType;

    @Column(name = "subject_id", updatable = false)
    public Long subjectId;

    @Column(name = "subject_label", length = 200, updatable = false)
    public String subjectLabel;

    @Column(name = "from_state", length = 40, updatable = false)
    public String fromState;

    @Column(name = "to_state", length = 40, updatable = false)
    public String toState;

    @Column(name = "revision_hash", length = 64, updatable = false)
    public String revisionHash;

    @Column(length = 4000, updatable = false)
    public String comment;

    /** The brand the subject belongs to; null for rows about users and sign-ins, which only admins read. */
    @Column(name = "brand_id", updatable = false)
    public Long brandId;
}
