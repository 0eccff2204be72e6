package app.herald.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.content.ComplianceReport;
import app.herald.content.ContentComment;
import app.herald.content.ContentChangedException;
import app.herald.content.ContentCompliance;
import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentService;
import app.herald.content.ContentState;
import app.herald.content.ContentWorkflow;
import app.herald.governance.engine.Finding;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A reviewer's decisions on submitted content: approve one exact revision (four eyes: never by anyone who wrote or
 * submitted what is approved; never with a blocking finding; every warning acknowledged), request changes or reject
 * (both with a reason).
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    @Inject
    ContentService contents;

    @Inject
    ContentWorkflow workflow;

    @Inject
    ContentCompliance compliance;

    @Inject
    SecurityIdentity identity;

    /**
     * Approves the revision the reviewer saw ({@code reviewedHash}); refuses when the content has changed since
     * ({@link ContentChangedException}), when the reviewer may not approve it ({@link #approvalRefusal}), when a
     * blocking finding stands or a warning is not acknowledged.
     */
    public ContentApproval approve(long contentId, String reviewedHash, Set<String> acknowledged, String note) {
        ContentItem item = contents.lockForChange(contentId);
        requireSubmitted(item);
        String reviewer = identity.getPrincipal().getName();
        approvalRefusal(item).ifPresent(reason -> {
            throw new ContentException(reason);
        });
        ContentRevision revision = item.currentRevision()
                .orElseThrow(() -> new ContentException("'" + item.title + "' has no revision to approve."));
        if (!revision.sha256.equals(reviewedHash)) {
            throw new ContentChangedException("'" + item.title + "' changed while you were reviewing it: it is now revision "
                    + revision.number + ", saved by " + revision.createdBy + ".");
        }
        ComplianceReport report = compliance.check(item);
        if (report.blockCount() > 0) {
            throw new ContentException(report.blockCount() + " blocking finding" + (report.blockCount() == 1 ? "" : "s")
                    + " must be fixed before '" + item.title + "' can be approved: " + String.join(" ", report.blockingReasons()));
        }
        List<Finding> unacknowledged = report.warnings().stream()
                .filter(finding -> !acknowledged.contains(ComplianceReport.key(finding))).toList();
        if (!unacknowledged.isEmpty()) {
            throw new ContentException("Acknowledge every warning before approving: " + unacknowledged.size() + " of "
                    + report.warnCount() + " not acknowledged.");
        }
        ContentApproval approval = new ContentApproval();
        approval.contentId = item.id;
        approval.revisionId = revision.id;
        approval.revisionHash = revision.sha256;
        approval.reviewer = reviewer;
        approval.approvedAt = Instant.now();
        approval.ruleSetVersion = report.ruleSetVersion();
        approval.acknowledged = report.warnings().stream()
                .map(finding -> ComplianceReport.key(finding) + " — " + finding.message()).collect(Collectors.joining("\n"));
        approval.persist();
        item.approvedRevisionId = revision.id;
        String summary = "Approved revision " + revision.number + " against rule set v" + report.ruleSetVersion()
                + (report.warnCount() > 0 ? ", " + report.warnCount() + " warning(s) acknowledged" : "");
        contents.addComment(item, ContentComment.Kind.APPROVED, note == null || note.isBlank() ? summary : summary + ". " + note.strip());
        workflow.move(item, ContentState.APPROVED, summary);
        return approval;
    }

    /**
     * Why the signed-in user may not approve the item's current submission, if they may not: they created it,
     * submitted it, wrote a revision since its last approval, or edited it as a draft before it was ever approved.
     * Revisions up to the last approval were checked by that approval's four eyes and do not count.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> approvalRefusal(ContentItem item) {
        String user = identity.getPrincipal().getName();
        String anotherMust = "; another reviewer must approve it.";
        if (user.equals(item.createdBy)) {
            return Optional.of("You created '" + item.title + "'" + anotherMust);
        }
        if (user.equals(item.submittedBy)) {
            return Optional.of("You submitted '" + item.title + "' for review" + anotherMust);
        }
        Optional<ContentRevision> lastApproved = ContentApproval.latestOf(item.id)
                .map(approval -> ContentRevision.<ContentRevision>findById(approval.revisionId));
        int approvedUpTo = lastApproved.map(revision -> revision.number).orElse(0);
        Optional<ContentRevision> written = ContentRevision.<ContentRevision>find(
                "contentId = ?1 and number > ?2 and createdBy = ?3 order by number desc", item.id, approvedUpTo, user)
                .firstResultOptional();
        if (written.isPresent()) {
            return Optional.of("You wrote revision " + written.get().number + " of '" + item.title + "'"
                    + (lastApproved.isPresent() ? " since it was last approved" : "") + anotherMust);
        }
        if (lastApproved.isEmpty() && item.draftEditors.contains(user)) {
            return Optional.of("You edited '" + item.title + "' while it was a draft" + anotherMust);
        }
        return Optional.empty();
    }

    public void requestChanges(long contentId, String reason) {
        decide(contentId, ContentState.CHANGES_REQUESTED, ContentComment.Kind.CHANGES_REQUESTED, reason,
                "Say what needs to change.");
    }

    public void reject(long contentId, String reason) {
        decide(contentId, ContentState.REJECTED, ContentComment.Kind.REJECTED, reason, "Say why the content is rejected.");
    }

    private void decide(long contentId, ContentState target, ContentComment.Kind kind, String reason, String missingReason) {
        ContentItem item = contents.lockForChange(contentId);
        requireSubmitted(item);
        if (reason == null || reason.isBlank()) {
            throw new ContentException("A comment is required. " + missingReason);
        }
        contents.addComment(item, kind, reason);
        workflow.move(item, target, reason.strip());
    }

    private static void requireSubmitted(ContentItem item) {
        if (item.state != ContentState.SUBMITTED) {
            throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase()
                    + ", not waiting for review.");
        }
    }
}
