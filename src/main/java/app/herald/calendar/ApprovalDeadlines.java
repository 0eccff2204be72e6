package app.herald.calendar;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import io.quarkus.scheduler.Scheduled;

/**
 * Never publishes late: a publication whose slot has come while its content is not approved (or was approved in
 * another revision than the one scheduled) becomes NEEDS_RESCHEDULE, and the content's owner gets a notification.
 */
@ApplicationScoped
public class ApprovalDeadlines {

    @Inject
    PublicationWorkflow publications;

    @Inject
    Notifier notifier;

    @Scheduled(identity = "approval-deadlines", every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        markMissedApprovals(Instant.now());
    }

    /** The job's work at {@code now}; returns how many publications it marked. */
    @Transactional
    public int markMissedApprovals(Instant now) {
        List<Publication> due = Publication.list("status = ?1 and scheduledAt <= ?2 and (content.approvedRevisionId is null"
                        + " or content.approvedRevisionId <> content.currentRevisionId or content.approvedRevisionId <> revisionId)",
                PublicationStatus.SCHEDULED, now);
        for (Publication publication : due) {
            publications.move(publication, PublicationStatus.NEEDS_RESCHEDULE, AuditAction.PUBLICATION_NEEDS_RESCHEDULE,
                    "Not approved in the scheduled revision by " + publication.scheduledAt + "; not published late.", now);
            notifier.send(publication.content.createdBy, "'" + publication.content.title + "' was not approved by its slot on "
                    + publication.channel.label() + " (" + WallClock.format(publication.scheduledAt.atZone(publication.channel.zone()))
                    + ") and was not published. Get it approved and pick a new time.",
                    "/calendar/publications/" + publication.id, now);
        }
        return due.size();
    }
}
