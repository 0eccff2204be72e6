package app.herald.calendar;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.herald.content.ContentItem;
import app.herald.content.ContentState;
import app.herald.content.ContentWorkflow;

/** Makes a content item's state follow its publications, the same way whether the dispatcher or a person moved one. */
@ApplicationScoped
public class ContentRollup {

    @Inject
    ContentWorkflow contentWorkflow;

    /**
     * Content is PUBLISHED when all its publications are, PARTIALLY_PUBLISHED when some are and the rest ended, FAILED
     * when all ended unpublished, PUBLISHING in between. Scheduled content whose publications are only scheduled or
     * cancelled has not started publishing, so cancelling one of them leaves it alone. {@code moved} is the
     * publication whose status just changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Publication moved) {
        ContentItem content = moved.content;
        if (content.state == ContentState.PUBLISHING && !moved.status.isFinal()) {
            // Publishing content stays so while any of its publications is open, as this one is.
            return;
        }
        List<PublicationStatus> statuses = Publication.find("select p.status from Publication p where p.content = ?1", content)
                .project(PublicationStatus.class).list();
        if (statuses.stream().anyMatch(PublicationStatus::isFinal)) {
            // Two channels' workers ending at once may each see the other's publication open in their own snapshot
            // and leave the content PUBLISHING for good. Bumping its version makes the later commit fail and run again
            // on fresh rows.
            ContentItem.getEntityManager().lock(content, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        boolean started = statuses.stream()
                .anyMatch(status -> status != PublicationStatus.SCHEDULED && status != PublicationStatus.CANCELLED);
        if (content.state == ContentState.SCHEDULED && !started) {
            return;
        }
        boolean allEnded = statuses.stream().allMatch(PublicationStatus::isFinal);
        long published = statuses.stream().filter(status -> status == PublicationStatus.PUBLISHED).count();
        ContentState target;
        if (!allEnded) {
            target = ContentState.PUBLISHING;
        } else if (published == statuses.size()) {
            target = ContentState.PUBLISHED;
        } else if (published > 0) {
            target = ContentState.PARTIALLY_PUBLISHED;
        } else {
            target = ContentState.FAILED;
        }
        // Scheduled, failed and partly published content only reaches another state through PUBLISHING (a retry or a
        // publication marked as published by hand brings failed content back).
        if (content.state != target && content.state.canMoveTo(ContentState.PUBLISHING)) {
            contentWorkflow.move(content, ContentState.PUBLISHING,
                    content.state == ContentState.SCHEDULED ? "Publishing started." : "Publishing again.");
        }
        if (content.state != target && content.state.canMoveTo(target)) {
            contentWorkflow.move(content, target, "Per channel: " + published + " of " + statuses.size() + " published.");
        }
    }
}
