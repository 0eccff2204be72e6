package app.herald.content;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;

/** Moves content between states, refusing moves {@link ContentState} does not allow; one audit row per move. */
@ApplicationScoped
public class ContentWorkflow {

    public static final String AUDIT_SUBJECT = "CONTENT";

    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(ContentItem item, ContentState target, String comment) {
        if (!item.state.canMoveTo(target)) {
            throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase() + " and cannot become "
                    + target.label().toLowerCase() + ".");
        }
        ContentState from = item.state;
        item.state = target;
        item.updatedAt = Instant.now();
        audit.record(AuditAction.CONTENT_STATE_CHANGED, AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                .transition(from, target)
                .revision(item.currentRevision().map(revision -> revision.sha256).orElse(null))
                .comment(comment)
                .write();
    }
}
