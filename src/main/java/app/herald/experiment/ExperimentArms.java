package app.herald.experiment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.BrandAccess;
import app.herald.calendar.Publication;
import app.herald.calendar.ScheduleException;
import app.herald.calendar.ScheduleRules;
import app.herald.calendar.SchedulingService;
import app.herald.calendar.WallClock;
import app.herald.content.ContentComment;
import app.herald.content.ContentException;
import app.herald.content.ContentForm;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.content.ContentState;
import app.herald.content.VariantGenerator;
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Runs an experiment's arms inside Herald: prepares each arm's own content item (the experiment's content with the
 * tested field set to the arm's text or cover frame, sent to review like any other), books an approved arm's posts on
 * the slots Herald proposed (through {@link SchedulingService}, re-proposing a slot that no longer passes the rules)
 * and links them to the arm, and makes sure every linked post carries its arm's text. Audits each step.
 */
@ApplicationScoped
@Transactional
public class ExperimentArms {

    @Inject
    BrandAccess brands;

    @Inject
    ContentService contents;

    @Inject
    SchedulingService scheduling;

    @Inject
    ScheduleRules rules;

    @Inject
    ExperimentPlanner planner;

    @Inject
    AuditService audit;

    @Inject
    SecurityIdentity identity;

    /** Where one arm stands for the page: its content, the posts booked for it, and how many it has of those needed. */
    public record ArmState(ExperimentArm arm, List<Publication> booked, long posts, int needed) {

        public String progress() {
            return posts + " of " + needed + " posts booked";
        }
    }

    /** What a booking did: the posts booked and the slots that had to move, in words. */
    public record Booking(ExperimentArm arm, int booked, List<String> moved) {
    }

    /**
     * Creates the content of every arm that has none yet, each submitted for review (governance rules and platform
     * limits checked as for any submission); all arms or none.
     */
    public List<ExperimentArm> prepare(long id, Instant now) {
        Experiment experiment = locked(id);
        requireRunning(experiment);
        String refusal = experiment.field.refusal(experiment.platform);
        if (refusal != null) {
            throw new ExperimentException(refusal);
        }
        ContentItem original = experiment.content;
        if (!original.isApprovedRevisionCurrent()) {
            throw new ExperimentException("'" + original.title + "' is " + original.state.label().toLowerCase()
                    + " in its current revision: Herald prepares arm posts from approved content only.");
        }
        List<ExperimentArm> todo = experiment.arms.stream().filter(arm -> arm.content == null).toList();
        if (todo.isEmpty()) {
            throw new ExperimentException("The arm posts of '" + experiment.name + "' are already prepared; each arm below"
                    + " links to its own.");
        }
        Platform platform = experiment.platform;
        ContentForm base = ContentForm.of(original);
        VariantGenerator.VariantText text = base.filledVariant(platform, ContentService.core(base, original.brand));
        ZoneId zone = ZoneId.of(original.brand.timezone);
        for (ExperimentArm arm : todo) {
            Map<Platform, String> titles = new EnumMap<>(Platform.class);
            Map<Platform, String> bodies = new EnumMap<>(Platform.class);
            titles.put(platform, experiment.field == ExperimentField.TITLE ? arm.text : orEmpty(text.title()));
            bodies.put(platform, experiment.field.replaceInBody(text.body(), arm.text));
            String planned = ExperimentSlot.<ExperimentSlot>find("arm = ?1 order by plannedAt", arm).firstResultOptional()
                    .map(slot -> slot.plannedAt.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString())
                    .orElse("");
            ContentForm form = new ContentForm(original.brand.id, original.title, base.coreMessage(), base.description(),
                    base.hashtags(), base.audience(), base.niche(), base.callToAction(), original.sequencing,
                    EnumSet.of(platform), planned, titles, bodies);
            try {
                ContentItem item = contents.createDraft(form);
                if (original.media != null) {
                    // The same stored video, referenced, not copied: a media row may back several items.
                    contents.attachMedia(item.id, original.media, original.mediaName);
                }
                if (experiment.field == ExperimentField.THUMBNAIL) {
                    contents.setCoverFrame(item.id, platform, CoverFrame.parse(arm.text).orElseThrow());
                }
                contents.addComment(item, ContentComment.Kind.COMMENT, "Arm " + arm.label + " of the experiment '"
                        + experiment.name + "': the " + experiment.field.label().toLowerCase() + " on " + platform.label()
                        + " is the arm's (" + experiment.field.shown(arm.text) + "); everything else is '" + original.title
                        + "' as approved.");
                contents.submit(item.id);
                arm.content = item;
            } catch (ContentException e) {
                throw new ExperimentException("Arm " + arm.label + "'s post cannot go to review, so no arm post was"
                        + " prepared: " + e.getMessage());
            }
        }
        audit.record(AuditAction.EXPERIMENT_ARMS_PREPARED, ExperimentService.AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id)
                .comment(String.join("; ", todo.stream().map(arm -> "Arm " + arm.label + ": content " + arm.content.id
                        + " submitted for review").toList()))
                .write();
        return todo;
    }

    /**
     * Books every proposed slot of an approved arm that has no post yet and links each post to the arm; a slot that no
     * longer passes the rules moves to the next free one. All of the arm's slots or none.
     */
    public Booking book(long id, Long armId, Instant now) {
        Experiment experiment = locked(id);
        ExperimentArm arm = experiment.arms.stream().filter(candidate -> candidate.id.equals(armId)).findFirst()
                .orElseThrow(NotFoundException::new);
        requireRunning(experiment);
        ContentItem content = requireCarriesText(arm);
        boolean approved = content.state == ContentState.APPROVED || content.state == ContentState.SCHEDULED;
        if (!approved || !content.isApprovedRevisionCurrent()) {
            throw new ExperimentException("Arm " + arm.label + "'s post is " + content.state.label().toLowerCase()
                    + ", not approved: a reviewer approves it first, then Herald books it.");
        }
        List<ExperimentSlot> all = ExperimentSlot.list("arm.experiment = ?1 order by plannedAt", experiment);
        List<ExperimentSlot> open = all.stream().filter(slot -> slot.arm == arm)
                .filter(slot -> Publication.count("content = ?1 and postKey = ?2", content, slot.id) == 0).toList();
        if (open.isEmpty()) {
            throw new ExperimentException("Every proposed slot of arm " + arm.label + " is already booked.");
        }
        List<String> moved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ExperimentSlot slot : open) {
            List<String> conflicts = rules.conflicts(new ScheduleRules.Candidate(content, slot.channel, slot.plannedAt, null), now);
            if (conflicts.isEmpty()) {
                continue;
            }
            String was = WallClock.format(slot.plannedAt.atZone(slot.channel.zone()));
            List<Instant> others = all.stream().filter(other -> other != slot && other.channel.id.equals(slot.channel.id))
                    .map(other -> other.plannedAt).toList();
            Instant at = planner.repropose(experiment, content, slot.channel, slot.plannedAt, others, now);
            if (at == null) {
                problems.add(slot.channel.label() + " at " + was + ": " + String.join(" ", conflicts)
                        + " No other free slot is left in " + experiment.platform.label() + "'s scheduling window.");
            } else {
                slot.plannedAt = at;
                moved.add(was + " → " + WallClock.format(at.atZone(slot.channel.zone())) + " on " + slot.channel.label()
                        + " (" + String.join(" ", conflicts) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ExperimentException("Nothing was booked for arm " + arm.label + ". " + String.join(" ", problems));
        }
        String user = identity.getPrincipal().getName();
        for (ExperimentSlot slot : open) {
            Publication publication;
            try {
                publication = scheduling.bookRepeat(content.id, slot.channel.id, slot.id, slot.plannedAt,
                        "Experiment '" + experiment.name + "', arm " + arm.label, now);
            } catch (ScheduleException e) {
                throw new ExperimentException("Nothing was booked for arm " + arm.label + ". " + e.getMessage());
            }
            ExperimentPost post = new ExperimentPost();
            post.experiment = experiment;
            post.arm = arm;
            post.publication = publication;
            post.linkedBy = user;
            post.linkedAt = now;
            post.persist();
        }
        audit.record(AuditAction.EXPERIMENT_POSTS_BOOKED, ExperimentService.AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id)
                .comment("Arm " + arm.label + ": " + open.size() + " post" + (open.size() == 1 ? "" : "s") + " of content "
                        + content.id + " booked" + (moved.isEmpty() ? "" : "; moved " + String.join("; ", moved)))
                .write();
        return new Booking(arm, open.size(), moved);
    }

    /** Refuses a publication that does not post arm {@code arm}'s own content, which carries its text. */
    void requireArmContent(ExperimentArm arm, Publication publication) {
        ContentItem content = requireCarriesText(arm);
        if (!publication.content.id.equals(content.id)) {
            throw new ExperimentException("That publication posts '" + publication.content.title + "' (content "
                    + publication.content.id + "), not arm " + arm.label + "'s own post (content " + content.id
                    + "): only a publication of the arm's content carries its text.");
        }
    }

    /** Each arm's state, in label order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArmState> states(Experiment experiment) {
        return experiment.arms.stream().map(arm -> new ArmState(arm, arm.content == null ? List.of()
                : Publication.<Publication>list("content = ?1 and postKey in (select s.id from ExperimentSlot s where"
                        + " s.arm = ?2) order by scheduledAt", arm.content, arm),
                ExperimentPost.count("arm", arm), experiment.minPerArm)).toList();
    }

    /** The arm's content, refused while there is none or when an edit changed the tested field away from its text. */
    private static ContentItem requireCarriesText(ExperimentArm arm) {
        ContentItem content = arm.content;
        Experiment experiment = arm.experiment;
        if (content == null) {
            throw new ExperimentException("Arm " + arm.label + " has no post of its own yet: prepare the arm posts first;"
                    + " only a publication of the arm's content counts for it.");
        }
        String posted = content.variant(experiment.platform).map(experiment.field::read).orElse("");
        if (!posted.equals(arm.text.strip())) {
            throw new ExperimentException("Arm " + arm.label + "'s post '" + content.title + "' was edited: its "
                    + experiment.field.label().toLowerCase() + " is no longer the arm's text, so its posts would not test"
                    + " the arm.");
        }
        return content;
    }

    private static void requireRunning(Experiment experiment) {
        if (experiment.status != ExperimentStatus.RUNNING) {
            throw new ExperimentException("'" + experiment.name + "' is stopped; it takes no more posts.");
        }
    }

    /** The experiment (404 outside the user's brands) with its row locked until the transaction ends. */
    Experiment locked(long id) {
        Experiment experiment = brands.findVisible(Experiment.class, id, found -> found.brand);
        Experiment.getEntityManager().lock(experiment, LockModeType.PESSIMISTIC_WRITE);
        return experiment;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
