package app.herald.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.content.ComplianceReport;
import app.herald.content.ContentComment;
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
 * A reviewer's decisions on submitted content: approve one exact revision (never one's own content, never with a
 * blocking finding, every warning acknowledged), request changes or reject (both with a reason).
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
     * Approves the revision the reviewer saw ({@code reviewedHash}); refuses when the content has changed since,
     * when the reviewer submitted it, when a blocking finding stands or a warning is not acknowledged.
     */
    public ContentApproval approve(long contentId, String reviewedHash, Set<String> acknowledged, String note) {
        ContentItem item = contents.find(contentId);
        requireSubmitted(item);
        String reviewer = identity.getPrincipal().getName();
        if (reviewer.equals(item.createdBy)) {
            throw new ContentException("You submitted '" + item.title + "'; another reviewer must approve it.");
        }
        ContentRevision revision = item.currentRevision()
                .orElseThrow(() -> new ContentException("'" + item.title + "' has no revision to approve."));
        if (!revision.sha256.equals(reviewedHash)) {
            throw new ContentException("'" + item.title + "' changed while you were reviewing it (now revision "
                    + revision.number + "). Review the current revision and approve again.");
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

    public void requestChanges(long contentId, String reason) {
        decide(contentId, ContentState.CHANGES_REQUESTED, ContentComment.Kind.CHANGES_REQUESTED, reason,
                "Say what needs to change.");
    }

    public void reject(long contentId, String reason) {
        decide(contentId, ContentState.REJECTED, ContentComment.Kind.REJECTED, reason, "Say why the content is rejected.");
    }

    private void decide(long contentId, ContentState target, ContentComment.Kind kind, String reason, String missingReason) {
        ContentItem item = contents.find(contentId);
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
