package app.herald.experiment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.BrandAccess;
import app.herald.calendar.Publication;
import app.herald.calendar.SchedulingService;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.content.ContentState;
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import io.quarkus.security.identity.SecurityIdentity;

/** Creates, stops and deletes experiments, links publications to their arms and reads their results; audits changes. */
@ApplicationScoped
@Transactional
public class ExperimentService {

    static final String AUDIT_SUBJECT = "EXPERIMENT";
    private static final int MAX_MIN_PER_ARM = 50;
    private static final int MAX_ARM_TEXT = 2200;
    private static final String LABELS = "ABCDEFGH";

    @Inject
    BrandAccess brands;

    @Inject
    ContentService contents;

    @Inject
    SchedulingService scheduling;

    @Inject
    ExperimentPlanner planner;

    @Inject
    AuditService audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    SameAgeMetrics metrics;

    @Inject
    ExperimentArms armPosts;

    /**
     * One linked post with its metric at the measuring age (null while young or without metrics), its
     * channel-normalised value, and why it waits ({@code waiting}, null once measured).
     */
    public record PostFigure(ExperimentPost post, Double value, Double normalised, String waiting) {

        public String valueText() {
            return waiting != null ? waiting : value == null ? "waiting for metrics" : post.experiment.metric.format(value);
        }

        public String normalisedText() {
            return ExperimentAnalysis.times(normalised);
        }
    }

    /** What the result page shows: the verdict and figures, every post, and how the result was reached. */
    public record Report(ExperimentAnalysis.Result result, List<PostFigure> posts, String method, String caveat) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Experiment> list() {
        return Experiment.listFor(brands.scope());
    }

    /** The experiment if its brand is visible to the user; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Experiment find(long id) {
        return brands.findVisible(Experiment.class, id, experiment -> experiment.brand);
    }

    /** Content the user may test: approved or scheduled items of their brands. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContentItem> testableContent() {
        var scope = brands.scope();
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("states", List.of(ContentState.APPROVED, ContentState.SCHEDULED));
        return ContentItem.list("from ContentItem c where c.state in :states and " + scope.condition("c.brand.id")
                + " order by c.updatedAt desc", parameters);
    }

    public Experiment create(ExperimentForm form, Instant now) {
        if (form.contentId() == null) {
            throw new ExperimentException("Choose the content to test.");
        }
        ContentItem content = contents.find(form.contentId());
        Experiment experiment = new Experiment();
        experiment.brand = content.brand;
        experiment.content = content;
        experiment.name = name(form.name());
        experiment.platform = platform(form.platform(), content);
        experiment.field = field(form.field());
        String refusal = experiment.field.refusal(experiment.platform);
        if (refusal != null) {
            throw new ExperimentException(refusal);
        }
        experiment.metric = ExperimentMetric.parse(form.metric());
        experiment.minPerArm = minPerArm(form.minPerArm());
        experiment.createdBy = identity.getPrincipal().getName();
        experiment.createdAt = now;
        List<String> texts = armTexts(form.arms(), experiment.field, content);
        for (int i = 0; i < texts.size(); i++) {
            ExperimentArm arm = new ExperimentArm();
            arm.experiment = experiment;
            arm.label = String.valueOf(LABELS.charAt(i));
            arm.text = texts.get(i);
            experiment.arms.add(arm);
        }
        boolean schedulable = content.state == ContentState.APPROVED || content.state == ContentState.SCHEDULED;
        if (!schedulable || !content.isApprovedRevisionCurrent()) {
            throw new ExperimentException("'" + content.title + "' is " + content.state.label().toLowerCase()
                    + " in its current revision: Herald plans experiment posts for approved content only.");
        }
        List<ExperimentPlanner.Planned> plan = planner.plan(experiment, now);
        experiment.persist();
        for (ExperimentPlanner.Planned planned : plan) {
            ExperimentSlot slot = new ExperimentSlot();
            slot.arm = planned.arm();
            slot.channel = planned.channel();
            slot.plannedAt = planned.at();
            slot.persist();
        }
        audit.record(AuditAction.EXPERIMENT_CREATED, AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id)
                .comment(experiment.arms.size() + " arms of the " + experiment.field.label().toLowerCase() + " of '"
                        + content.title + "' on " + experiment.platform.label() + "; primary metric "
                        + experiment.metric.label().toLowerCase() + ", at least " + experiment.minPerArm + " posts per arm")
                .write();
        return experiment;
    }

    public Experiment stop(long id, Instant now) {
        Experiment experiment = locked(id);
        if (!experiment.status.canMoveTo(ExperimentStatus.STOPPED)) {
            throw new ExperimentException("'" + experiment.name + "' is already stopped.");
        }
        ExperimentStatus before = experiment.status;
        experiment.status = ExperimentStatus.STOPPED;
        experiment.stoppedAt = now;
        experiment.stoppedBy = identity.getPrincipal().getName();
        audit.record(AuditAction.EXPERIMENT_STOPPED, AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id).transition(before, experiment.status)
                .comment(report(experiment, now).result().headline()).write();
        return experiment;
    }

    /** Deletes the experiment with its arms, slots and links; the publications and their metrics stay. */
    public Experiment delete(long id) {
        Experiment experiment = locked(id);
        ExperimentPost.delete("experiment", experiment);
        ExperimentSlot.delete("arm.id in ?1", experiment.arms.stream().map(arm -> arm.id).toList());
        experiment.delete();
        audit.record(AuditAction.EXPERIMENT_DELETED, AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id).write();
        return experiment;
    }

    /** Counts {@code publicationId} as a post of arm {@code armId}. */
    public ExperimentPost addPost(long id, Long armId, Long publicationId, Instant now) {
        Experiment experiment = locked(id);
        if (armId == null || publicationId == null) {
            throw new ExperimentException("Choose an arm and the publication that carried it.");
        }
        ExperimentArm arm = experiment.arms.stream().filter(candidate -> candidate.id.equals(armId)).findFirst()
                .orElseThrow(NotFoundException::new);
        Publication publication = scheduling.find(publicationId);
        if (experiment.status != ExperimentStatus.RUNNING) {
            throw new ExperimentException("'" + experiment.name + "' is stopped; it takes no more posts.");
        }
        if (!publication.channel.brand.id.equals(experiment.brand.id)) {
            throw new ExperimentException("That publication belongs to " + publication.channel.brand.name + ", not to "
                    + experiment.brand.name + ".");
        }
        if (publication.channel.platform != experiment.platform) {
            throw new ExperimentException("That publication is on " + publication.channel.platform.label()
                    + "; this experiment compares posts on " + experiment.platform.label() + ".");
        }
        armPosts.requireArmContent(arm, publication);
        ExperimentPost.<ExperimentPost>find("experiment = ?1 and publication = ?2", experiment, publication)
                .firstResultOptional().ifPresent(existing -> {
                    throw new ExperimentException("That publication already counts for arm " + existing.arm.label + ".");
                });
        ExperimentPost post = new ExperimentPost();
        post.experiment = experiment;
        post.arm = arm;
        post.publication = publication;
        post.linkedBy = identity.getPrincipal().getName();
        post.linkedAt = now;
        post.persist();
        audit.record(AuditAction.EXPERIMENT_POST_ADDED, AUDIT_SUBJECT, experiment.id, experiment.name)
                .brand(experiment.brand.id).comment("Arm " + arm.label + ": " + publication.summary()).write();
        return post;
    }

    /** Publications of the arms' own content on the experiment's platform not yet counted, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Publication> linkable(Experiment experiment) {
        return Publication.<Publication>find("channel.platform = ?1 and content in (select a.content from ExperimentArm a"
                        + " where a.experiment = ?2) and id not in (select ep.publication.id from ExperimentPost ep"
                        + " where ep.experiment = ?2) order by scheduledAt desc", experiment.platform, experiment)
                .page(0, 200).list();
    }

    /**
     * The experiment's result, each post's metric read at the same age (see {@link SameAgeMetrics}); posts not that
     * old yet are listed as waiting and left out of the sample.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(Experiment experiment, Instant now) {
        List<ExperimentPost> posts = ExperimentPost.listFor(experiment);
        ZoneId zone = ZoneId.of(experiment.brand.timezone);
        Map<Long, SameAgeMetrics.Measured> measured = metrics.ofExperiment(experiment.metric, experiment.id, zone, now);
        Map<Long, Double> medians = new HashMap<>();
        List<PostFigure> figures = new ArrayList<>();
        Map<String, List<double[]>> byArm = new LinkedHashMap<>();
        experiment.arms.forEach(arm -> byArm.put(arm.label, new ArrayList<>()));
        for (ExperimentPost post : posts) {
            SameAgeMetrics.Measured reading = measured.get(post.publication.id);
            Double value = reading == null ? null : reading.value();
            Double median = value == null ? null : medians.computeIfAbsent(post.publication.channel.id,
                    channel -> median(metrics.ofChannel(experiment.metric, channel, zone, now)));
            Double normalised = value == null || median == null || median <= 0 ? null : value / median;
            figures.add(new PostFigure(post, value, normalised, waiting(reading, now)));
            if (normalised != null) {
                byArm.get(post.arm.label).add(new double[] { value, normalised });
            }
        }
        List<ExperimentAnalysis.ArmSample> samples = byArm.entrySet().stream()
                .map(entry -> new ExperimentAnalysis.ArmSample(entry.getKey(),
                        entry.getValue().stream().mapToDouble(pair -> pair[0]).toArray(),
                        entry.getValue().stream().mapToDouble(pair -> pair[1]).toArray()))
                .toList();
        return new Report(ExperimentAnalysis.analyse(samples, experiment.minPerArm), figures,
                ExperimentAnalysis.method(experiment.metric, metrics.age()), ExperimentAnalysis.NOT_RANDOMISED);
    }

    /** Why a post has no value yet: not published, or too young ("measured at 7 days: in 3 days"); null otherwise. */
    private String waiting(SameAgeMetrics.Measured reading, Instant now) {
        if (reading == null) {
            return "not published or no metrics yet";
        }
        if (reading.old(now)) {
            return null;
        }
        long days = Duration.between(now, reading.measurableAt()).toHours() / 24 + 1;
        return "measured at " + ExperimentAnalysis.ageText(metrics.age()) + ": in " + days + " day" + (days == 1 ? "" : "s");
    }

    private static Double median(double[] values) {
        return values.length == 0 ? null : new Median().evaluate(values);
    }

    private Experiment locked(long id) {
        return armPosts.locked(id);
    }

    private static String name(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            throw new ExperimentException("Give the experiment a name.");
        }
        if (value.length() > 120) {
            throw new ExperimentException("The name is limited to 120 characters; it has " + value.length() + ".");
        }
        return value;
    }

    private static Platform platform(String name, ContentItem content) {
        Platform platform = null;
        for (Platform candidate : Platform.values()) {
            if (candidate.name().equals(name)) {
                platform = candidate;
            }
        }
        if (platform == null) {
            throw new ExperimentException(name == null || name.isBlank() ? "Choose the platform the arms are posted on."
                    : "Unknown platform '" + name + "'.");
        }
        if (!content.platformSet().contains(platform)) {
            throw new ExperimentException("'" + content.title + "' does not target " + platform.label() + ".");
        }
        return platform;
    }

    private static ExperimentField field(String name) {
        for (ExperimentField field : ExperimentField.values()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new ExperimentException(name == null || name.isBlank() ? "Choose what the arms vary."
                : "Unknown field '" + name + "': choose title, caption, hook or thumbnail.");
    }

    private static int minPerArm(String typed) {
        int value;
        try {
            value = Integer.parseInt(typed == null ? "" : typed.strip());
        } catch (NumberFormatException e) {
            throw new ExperimentException("The minimum sample per arm is a whole number of posts, from 2 to "
                    + MAX_MIN_PER_ARM + ".");
        }
        if (value < 2) {
            throw new ExperimentException("A minimum sample of " + value + " post" + (value == 1 ? "" : "s")
                    + " per arm cannot show a difference: use at least 2 (5 or more is better).");
        }
        if (value > MAX_MIN_PER_ARM) {
            throw new ExperimentException("The minimum sample per arm is at most " + MAX_MIN_PER_ARM + " posts.");
        }
        return value;
    }

    /** The arms' values as stored: their texts, or for thumbnail arms each cover frame's second ("1.5"). */
    private static List<String> armTexts(List<String> typed, ExperimentField field, ContentItem content) {
        List<String> given = (typed == null ? List.<String>of() : typed).stream()
                .map(text -> text == null ? "" : text.strip()).filter(text -> !text.isEmpty()).toList();
        if (given.size() < 2) {
            throw new ExperimentException("An experiment needs at least two arms with text; " + given.size()
                    + (given.size() == 1 ? " was" : " were") + " given.");
        }
        if (given.size() > ExperimentForm.MAX_ARMS) {
            throw new ExperimentException("At most " + ExperimentForm.MAX_ARMS + " arms: each more arm needs as many posts again.");
        }
        List<String> texts = field == ExperimentField.THUMBNAIL ? coverFrames(given, content) : given;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).length() > MAX_ARM_TEXT) {
                throw new ExperimentException("Arm " + LABELS.charAt(i) + " is " + texts.get(i).length()
                        + " characters; the limit is " + MAX_ARM_TEXT + ".");
            }
            for (int j = 0; j < i; j++) {
                if (texts.get(i).equals(texts.get(j))) {
                    throw new ExperimentException("Arms " + LABELS.charAt(j) + " and " + LABELS.charAt(i) + " have the same "
                            + (field == ExperimentField.THUMBNAIL ? "cover frame (" + texts.get(i) + " s)" : "text")
                            + "; each arm must differ.");
                }
            }
        }
        return texts;
    }

    /** Thumbnail arms as cover frames: each a second within the content's video, kept as typed back ("1.5"). */
    private static List<String> coverFrames(List<String> typed, ContentItem content) {
        if (content.media == null) {
            throw new ExperimentException("'" + content.title + "' has no video, so it has no frame to test as a cover:"
                    + " attach its video, or test the title, caption or hook.");
        }
        double duration = content.media.durationSeconds;
        String lasts = content.media.facts().durationText();
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            char label = LABELS.charAt(i);
            String value = typed.get(i);
            CoverFrame frame = CoverFrame.parse(value).orElseThrow(() -> new ExperimentException("Arm " + label + ": '"
                    + value + "' is not a second of the video. Type the seconds into the video of the frame to show as the"
                    + " cover, from 0, e.g. 1.5."));
            if (!frame.within(duration)) {
                throw new ExperimentException("Arm " + label + ": " + frame.secondsText() + " s is past the end of the"
                        + " video, which lasts " + lasts + " s. Choose a second from 0 to under " + lasts + ".");
            }
            frames.add(frame.secondsText());
        }
        return frames;
    }
}
