package app.herald.calendar;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.content.ContentRevision;

/**
 * The only code that changes {@code publication.status}: refuses moves {@link PublicationStatus} does not allow and
 * writes one audit row per move, naming the revision the publication is bound to.
 */
@ApplicationScoped
public class PublicationWorkflow {

    public static final String AUDIT_SUBJECT = "PUBLICATION";

    @Inject
    AuditService audit;

    /** Persists a new publication, which starts SCHEDULED, and audits its creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Publication publication, String comment) {
        publication.status = PublicationStatus.SCHEDULED;
        publication.persist();
        record(publication, AuditAction.PUBLICATION_SCHEDULED, null, comment);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Publication publication, PublicationStatus target, AuditAction action, String comment, Instant now) {
        PublicationStatus from = publication.status;
        if (!from.canMoveTo(target)) {
            throw new IllegalStateException("Publication " + publication.id + " is " + from + " and cannot become " + target);
        }
        publication.status = target;
        publication.updatedAt = now;
        record(publication, action, from, comment);
    }

    private void record(Publication publication, AuditAction action, PublicationStatus from, String comment) {
        ContentRevision revision = publication.revisionId == null ? null : ContentRevision.findById(publication.revisionId);
        audit.record(action, AUDIT_SUBJECT, publication.id, publication.summary())
                .brand(publication.channel.brand.id)
                .transition(from, publication.status)
                .revision(revision == null ? null : revision.sha256)
                .comment(comment)
                .write();
    }
}
