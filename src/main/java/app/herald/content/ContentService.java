package app.herald.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.content.media.MediaFile;
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import app.herald.platform.SpecViolation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Creates and edits content, snapshots a hashed revision whenever content under review changes, and submits it
 * for review (refused while a blocking rule finding stands). Editing approved content sends it back to review.
 */
@ApplicationScoped
@Transactional
public class ContentService {

    @Inject
    ContentWorkflow workflow;

    @Inject
    BrandAccess brands;

    @Inject
    AuditService audit;

    @Inject
    ContentCompliance compliance;

    @Inject
    SecurityIdentity identity;

    public ContentItem createDraft(ContentForm form) {
        form.validate();
        Brand brand = brands.requireVisible(form.brandId());
        ContentItem item = new ContentItem();
        item.brand = brand;
        item.createdBy = identity.getPrincipal().getName();
        item.createdAt = Instant.now();
        apply(item, form);
        item.persist();
        audit.record(AuditAction.CONTENT_CREATED, ContentWorkflow.AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                .transition(null, item.state).write();
        return item;
    }

    /**
     * Saves an edit; under review this makes a new revision, and approved content goes back to review.
     *
     * @param baseVersion the item's {@code @Version} when the form was opened; when the item changed since (or the
     *                    form does not say), the edit is refused rather than silently overwriting the other change
     */
    public ContentItem update(long contentId, Integer baseVersion, ContentForm form) {
        form.validate();
        ContentItem item = lockForChange(contentId);
        requireEditable(item);
        if (baseVersion == null || baseVersion != item.version) {
            throw new ContentChangedException("'" + item.title + "' was changed after you opened this form; it is now "
                    + item.state.label().toLowerCase() + item.currentRevision().map(r -> ", revision " + r.number).orElse("")
                    + ".");
        }
        if (!item.brand.id.equals(form.brandId())) {
            throw new ContentException("Content cannot move to another brand; create it there instead.");
        }
        apply(item, form);
        revise(item);
        return item;
    }

    /** Makes {@code media} the item's video (replacing any); like a text edit, under review this is a new revision. */
    public ContentItem attachMedia(long contentId, MediaFile media, String fileName) {
        ContentItem item = lockForChange(contentId);
        requireEditable(item);
        String replaced = item.media == null ? "" : ", replacing " + videoText(item);
        item.media = media;
        item.mediaName = fileName == null || fileName.isBlank() ? "video"
                : fileName.strip().substring(0, Math.min(255, fileName.strip().length()));
        item.updatedAt = Instant.now();
        audit.record(AuditAction.MEDIA_ATTACHED, ContentWorkflow.AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                .comment(videoText(item) + replaced).write();
        revise(item);
        return item;
    }

    /**
     * Makes {@code cover} the frame the item's post on {@code platform} shows as its cover; it must lie within the
     * item's video. Like a text edit, under review this is a new revision.
     */
    public ContentItem setCoverFrame(long contentId, Platform platform, CoverFrame cover) {
        ContentItem item = lockForChange(contentId);
        requireEditable(item);
        ContentVariant variant = item.variant(platform).orElseThrow(() -> new ContentException("'" + item.title
                + "' does not target " + platform.label() + "."));
        if (item.media == null) {
            throw new ContentException("'" + item.title + "' has no video, so it has no frame to show as its cover.");
        }
        if (!cover.within(item.media.durationSeconds)) {
            throw new ContentException("The cover frame at " + cover.secondsText() + " s is not within the video, which"
                    + " lasts " + item.media.facts().durationText() + " s.");
        }
        variant.coverMs = cover.millis();
        item.updatedAt = Instant.now();
        revise(item);
        return item;
    }

    /** Takes the video off the item; like a text edit, under review this is a new revision. */
    public ContentItem removeMedia(long contentId) {
        ContentItem item = lockForChange(contentId);
        requireEditable(item);
        if (item.media == null) {
            throw new ContentException("'" + item.title + "' has no video to remove.");
        }
        audit.record(AuditAction.MEDIA_REMOVED, ContentWorkflow.AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                .comment(videoText(item)).write();
        item.media = null;
        item.mediaName = null;
        item.updatedAt = Instant.now();
        revise(item);
        return item;
    }

    private static String videoText(ContentItem item) {
        return "Video " + item.mediaName + " (SHA-256 " + item.media.sha256 + ")";
    }

    private static void requireEditable(ContentItem item) {
        if (!item.state.editable()) {
            throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase() + " and can no longer be edited.");
        }
    }

    /**
     * After an edit: a draft remembers who other than its creator edited it; under review a new revision, and
     * approved or scheduled content goes back to review, submitted by the editor.
     */
    private void revise(ContentItem item) {
        String editor = identity.getPrincipal().getName();
        if (item.state == ContentState.DRAFT) {
            if (!editor.equals(item.createdBy)) {
                item.draftEditors.add(editor);
            }
        } else if (snapshot(item)) {
            if (item.state == ContentState.APPROVED || item.state == ContentState.SCHEDULED) {
                item.approvedRevisionId = null;
                // Back in the queue as a new submission: the review queue orders by this time.
                item.submittedAt = Instant.now();
                item.submittedBy = editor;
                workflow.move(item, ContentState.SUBMITTED, "Edited after approval; needs review again");
            }
        }
    }

    /** Sends a draft (or content with requested changes) to review, as a new revision when the text changed. */
    public ContentItem submit(long contentId) {
        ContentItem item = lockForChange(contentId);
        if (item.state != ContentState.DRAFT && item.state != ContentState.CHANGES_REQUESTED) {
            throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase()
                    + "; only drafts and content with requested changes can be submitted.");
        }
        List<SpecViolation> violations = textViolations(item);
        if (!violations.isEmpty()) {
            throw new ContentException("Fix these before submitting: " + violations.stream().map(SpecViolation::message)
                    .collect(Collectors.joining(" ")));
        }
        ComplianceReport report = compliance.check(item);
        if (report.blockCount() > 0) {
            throw new ContentException("Blocking rule findings stop this submission. "
                    + String.join(" ", report.blockingReasons()));
        }
        List<SpecViolation> mediaProblems = item.media == null ? List.of() : item.media.violations(item.platformSet());
        if (!mediaProblems.isEmpty()) {
            throw new ContentException("The video does not meet every target platform's spec; fix it (a fitted rendition"
                    + " may help) or drop the platform, then submit. " + mediaProblems.stream().map(SpecViolation::message)
                            .collect(Collectors.joining(" ")));
        }
        snapshot(item);
        item.submittedAt = Instant.now();
        item.submittedBy = identity.getPrincipal().getName();
        workflow.move(item, ContentState.SUBMITTED, null);
        return item;
    }

    public ContentComment comment(long contentId, String body) {
        ContentItem item = find(contentId);
        return addComment(item, ContentComment.Kind.COMMENT, body);
    }

    /** Adds to the thread on the current revision, auditing plain comments (decisions are audited as moves). */
    public ContentComment addComment(ContentItem item, ContentComment.Kind kind, String body) {
        if (body == null || body.isBlank()) {
            throw new ContentException("Write a comment first.");
        }
        if (body.length() > 10_000) {
            throw new ContentException("Comments are limited to 10 000 characters.");
        }
        ContentComment comment = new ContentComment();
        comment.contentId = item.id;
        comment.author = identity.getPrincipal().getName();
        comment.kind = kind;
        comment.body = body.strip();
        comment.revisionNumber = item.currentRevision().map(revision -> revision.number).orElse(null);
        comment.createdAt = Instant.now();
        comment.persist();
        if (kind == ContentComment.Kind.COMMENT) {
            audit.record(AuditAction.COMMENT_ADDED, ContentWorkflow.AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                    .revision(item.currentRevision().map(revision -> revision.sha256).orElse(null))
                    .comment(comment.body).write();
        }
        return comment;
    }

    /**
     * The item if the signed-in user may see its brand (404 otherwise). Joins the caller's transaction if any;
     * without one, the item stays attached to the request's session so a page can render its lazy parts.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContentItem find(long contentId) {
        return brands.findVisible(ContentItem.class, contentId, item -> item.brand);
    }

    /**
     * Like {@link #find}, with the item's row locked and re-read until the caller's transaction ends: changes of one
     * item run one after the other, so each sees what the one before it saved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContentItem lockForChange(long contentId) {
        ContentItem item = find(contentId);
        // A refresh reads the row again and drops changes not yet written: those of an earlier step of the same
        // transaction (attaching a video, then setting a cover frame, then submitting) must be written first.
        ContentItem.getEntityManager().flush();
        ContentItem.getEntityManager().refresh(item, LockModeType.PESSIMISTIC_WRITE);
        return item;
    }

    /** Stores a new revision when the canonical form changed; true if one was made. */
    private boolean snapshot(ContentItem item) {
        String canonical = CanonicalContent.of(item, item.media == null ? null : item.media.sha256);
        String hash = CanonicalContent.sha256(canonical);
        ContentRevision current = item.currentRevision().orElse(null);
        if (current != null && current.sha256.equals(hash)) {
            return false;
        }
        ContentRevision revision = new ContentRevision();
        revision.contentId = item.id;
        revision.number = current == null ? 1 : current.number + 1;
        revision.sha256 = hash;
        revision.canonical = canonical;
        revision.createdBy = identity.getPrincipal().getName();
        revision.createdAt = Instant.now();
        revision.persist();
        item.currentRevisionId = revision.id;
        audit.record(AuditAction.CONTENT_REVISED, ContentWorkflow.AUDIT_SUBJECT, item.id, item.title)
                .brand(item.brand.id)
                .revision(hash).comment("Revision " + revision.number).write();
        return true;
    }

    private static void apply(ContentItem item, ContentForm form) {
        item.title = form.title().strip();
        item.coreMessage = form.coreMessage();
        item.description = form.description();
        item.hashtags = form.hashtags() == null ? null : form.hashtags().strip();
        item.audience = form.audience();
        item.niche = form.niche();
        item.callToAction = form.callToAction();
        item.sequencing = form.sequencing() == null ? SequencingStrategy.BALANCED : form.sequencing();
        item.setPlatforms(form.platforms());
        item.plannedPublishAt = form.plannedInstant(ZoneId.of(item.brand.timezone));
        item.updatedAt = Instant.now();
        item.variants.removeIf(variant -> !form.platforms().contains(variant.platform));
        for (Platform platform : form.platforms()) {
            ContentVariant variant = item.variant(platform).orElseGet(() -> {
                ContentVariant created = new ContentVariant();
                created.content = item;
                created.platform = platform;
                item.variants.add(created);
                return created;
            });
            VariantGenerator.VariantText text = form.filledVariant(platform, core(form, item.brand));
            variant.title = text.title();
            variant.body = text.body();
        }
    }

    /** The form's universal core with the brand's defaults, as the variant generator reads it. */
    public static VariantGenerator.Core core(ContentForm form, Brand brand) {
        return new VariantGenerator.Core(form.title(), form.coreMessage(), form.description(), form.hashtags(),
                form.audience(), form.niche(), form.callToAction(), brand.defaultDisclaimer, brand.defaultHashtags);
    }

    /** Spec problems of the item's text on its target platforms; any of them blocks submission. */
    public static List<SpecViolation> textViolations(ContentItem item) {
        return item.variants.stream()
                .flatMap(variant -> PlatformSpecs.checkText(variant.platform, variant.title, variant.body).stream())
                .toList();
    }
}
