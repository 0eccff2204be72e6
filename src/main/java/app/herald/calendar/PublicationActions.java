package app.herald.calendar;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.audit.AuditAction;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** Retry now, cancel and mark as published from a publication's page: for its content's author, managers and admins. */
@ApplicationScoped
@Transactional
public class PublicationActions {

    static final int MAX_VIDEO_ID = 200;

    @Inject
    SchedulingService scheduling;

    @Inject
    PublicationWorkflow workflow;

    @Inject
    ContentRollup rollup;

    @Inject
    RoleCheck roles;

    @Inject
    SecurityIdentity identity;

    /** Which actions the page offers the signed-in user; all false for those who may only look. */
    public record Offered(boolean retry, boolean cancel, boolean markPublished) {
        public boolean any() {
            return retry || cancel || markPublished;
        }
    }

    public Offered offered(Publication publication) {
        if (!mayAct(publication)) {
            return new Offered(false, false, false);
        }
        PublicationStatus status = publication.status;
        return new Offered(retryable(status), status.canMoveTo(PublicationStatus.CANCELLED),
                status.canMoveTo(PublicationStatus.PUBLISHED));
    }

    /** Sends it again at once from the stored upload handle, with a fresh retry budget. */
    public Publication retryNow(long id, Instant now) {
        Publication publication = actable(id, now);
        if (!retryable(publication.status)) {
            throw new ScheduleException("Only a failed publication or one waiting to retry can be retried; this one is "
                    + publication.status.label().toLowerCase() + ".");
        }
        workflow.move(publication, PublicationStatus.RETRY_WAIT, AuditAction.PUBLICATION_RETRIED,
                "Retry now by " + user() + ".", now);
        publication.nextAttemptAt = now;
        publication.retries = 0;
        rollup.follow(publication);
        return publication;
    }

    public Publication cancel(long id, boolean confirmed, Instant now) {
        Publication publication = actable(id, now);
        if (!publication.status.canMoveTo(PublicationStatus.CANCELLED)) {
            throw new ScheduleException("A publication that is " + publication.status.label().toLowerCase()
                    + " cannot be cancelled.");
        }
        requireConfirmed(confirmed, "Tick \"Yes, cancel this publication\" to cancel it.");
        workflow.move(publication, PublicationStatus.CANCELLED, AuditAction.PUBLICATION_CANCELLED,
                "Cancelled by " + user() + ".", now);
        publication.nextAttemptAt = null;
        rollup.follow(publication);
        return publication;
    }

    /** Records what the platform shows when the post went out some other way (or the dispatcher could not confirm it). */
    public Publication markPublished(long id, String videoId, String url, boolean confirmed, Instant now) {
        Publication publication = actable(id, now);
        if (!publication.status.canMoveTo(PublicationStatus.PUBLISHED)) {
            throw new ScheduleException("A publication that is " + publication.status.label().toLowerCase()
                    + " cannot be marked as published.");
        }
        String platformId = videoId == null ? "" : videoId.strip();
        String platformUrl = url == null ? "" : url.strip();
        if (platformId.isEmpty()) {
            throw new ScheduleException("Give the platform's video id to mark it as published.");
        }
        if (platformId.length() > MAX_VIDEO_ID) {
            throw new ScheduleException("The platform's video id has at most " + MAX_VIDEO_ID + " characters.");
        }
        if (!platformUrl.isEmpty() && !platformUrl.startsWith("https://")) {
            throw new ScheduleException("The link must start with https:// (or leave it empty).");
        }
        if (platformUrl.length() > 1000) {
            throw new ScheduleException("The link has at most 1000 characters.");
        }
        requireConfirmed(confirmed, "Tick \"Yes, it is published\" to mark it as published.");
        workflow.move(publication, PublicationStatus.PUBLISHED, AuditAction.PUBLICATION_MARKED_PUBLISHED,
                "Marked as published by " + user() + " (video id " + platformId + ").", now);
        publication.platformVideoId = platformId;
        publication.platformUrl = platformUrl.isEmpty() ? null : platformUrl;
        publication.publishedAt = now;
        publication.failureReason = null;
        publication.nextAttemptAt = null;
        rollup.follow(publication);
        return publication;
    }

    private static boolean retryable(PublicationStatus status) {
        return status == PublicationStatus.FAILED || status == PublicationStatus.RETRY_WAIT;
    }

    /** Found with the brand check (404), allowed for this user (403), and not in a dispatcher's hands right now. */
    private Publication actable(long id, Instant now) {
        Publication publication = scheduling.find(id);
        if (!mayAct(publication)) {
            throw new ForbiddenException("Only the content's author, a manager or an admin may change this publication.");
        }
        if (publication.leaseUntil != null && publication.leaseUntil.isAfter(now)) {
            throw new ScheduleException("A dispatcher is sending it right now, try again in a minute.");
        }
        return publication;
    }

    private boolean mayAct(Publication publication) {
        return roles.any(Role.MANAGER, Role.ADMIN)
                || roles.any(Role.MARKETER) && publication.content.createdBy.equals(user());
    }

    private static void requireConfirmed(boolean confirmed, String message) {
        if (!confirmed) {
            throw new ScheduleException(message);
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
