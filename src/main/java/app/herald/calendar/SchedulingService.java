package app.herald.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.brand.BrandAccess;
import app.herald.channel.Channel;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.content.ContentState;
import app.herald.content.ContentWorkflow;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Proposes and books publications: the lead platform's next optimal slot anchors the content's sequencing strategy,
 * each channel gets the lead time plus its platform's offset, shown in the channel's zone. Every booking passes
 * {@link ScheduleRules} with the channel row locked, so two users cannot both take a channel's last slot of a day.
 */
@ApplicationScoped
@Transactional
public class SchedulingService {

    @Inject
    SlotAdvisor advisor;

    @Inject
    ScheduleRules rules;

    @Inject
    ContentService contents;

    @Inject
    ContentWorkflow workflow;

    @Inject
    BrandAccess brands;

    @Inject
    PublicationWorkflow publications;

    @Inject
    SecurityIdentity identity;

    /** A suggested time for one channel, the conflicts it would meet, and any publication already there. */
    public record Proposal(Channel channel, ZonedDateTime at, SlotSource source, String note, String reason,
            List<String> conflicts, Publication existing) {

        /** The value for a {@code datetime-local} input in the channel's zone. */
        public String localValue() {
            return at.toLocalDateTime().withSecond(0).withNano(0).toString();
        }

        /** True when the channel already has this content booked with the current approval: nothing to do. */
        public boolean booked() {
            return existing != null && existing.status == PublicationStatus.SCHEDULED && conflicts.isEmpty();
        }
    }

    /**
     * One channel the user chose on the schedule form, with the wall-clock time in the channel's zone and where that
     * time came from (the proposal's source when they kept it, {@link SlotSource#CHOSEN} when they typed their own).
     */
    public record Choice(long channelId, LocalDateTime local, SlotSource source, String note) {
    }

    /** Channels of the content's brand that post to one of its target platforms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Channel> channelsFor(ContentItem content) {
        Set<Platform> targets = content.platformSet();
        return Channel.<Channel>list("brand = ?1 order by platform, displayName", content.brand).stream()
                .filter(channel -> targets.contains(channel.platform)).toList();
    }

    /** Proposals for every channel of the content's target platforms, anchored on the lead's next slot after now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposal> propose(ContentItem content, Instant now) {
        List<Channel> channels = channelsFor(content);
        Set<Platform> targets = content.platformSet();
        Platform lead = content.sequencing.lead(targets);
        ZoneId leadZone = channels.stream().filter(channel -> channel.platform == lead).map(Channel::zone).findFirst()
                .orElse(ZoneId.of(content.brand.timezone));
        Duration earliest = targets.stream().map(platform -> PlatformSpecs.of(platform).earliestSchedule())
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Instant notBefore = now.plus(earliest).plus(Duration.ofMinutes(1));
        Predicate<LocalDate> dayAllowed = day -> !BlackoutDate.isBlackout(content.brand, day);
        Map<Channel, Optional<Publication>> existingOn = new LinkedHashMap<>();
        channels.forEach(channel -> existingOn.put(channel, Publication.<Publication>find("content = ?1 and channel = ?2"
                + " and postKey = 0", content, channel).firstResultOptional()));
        Optional<Channel> leadChannel = channels.stream().filter(channel -> channel.platform == lead).findFirst();
        // A learned anchor must leave every channel still to be booked within its rules at its own offset.
        Predicate<Instant> anchorAllowed = anchorAt -> existingOn.entrySet().stream()
                .filter(entry -> entry.getValue().filter(p -> p.status == PublicationStatus.SCHEDULED).isEmpty())
                .allMatch(entry -> rules.timeConflicts(new ScheduleRules.Candidate(content, entry.getKey(),
                        anchorAt.plus(offset(content, lead, entry.getKey())), entry.getValue().orElse(null))).isEmpty());
        SlotAdvisor.Slot anchor = leadChannel.map(channel -> advisor.next(channel.id, lead, leadZone, notBefore, dayAllowed,
                anchorAllowed)).orElseGet(() -> advisor.next(lead, leadZone, notBefore, dayAllowed));
        List<Proposal> proposals = new ArrayList<>();
        for (Channel channel : channels) {
            Optional<Publication> existing = existingOn.get(channel);
            Duration offset = offset(content, lead, channel);
            Optional<Publication> booked = existing.filter(p -> p.status == PublicationStatus.SCHEDULED);
            ZonedDateTime at = booked.map(p -> p.scheduledAt.atZone(channel.zone()))
                    .orElse(anchor.at().toInstant().plus(offset).atZone(channel.zone()));
            String reason = existing.isPresent() ? "Already scheduled" : offset.isZero()
                    ? "Lead platform (" + content.sequencing.label() + "): next optimal slot in " + leadZone.getId()
                    : content.sequencing.label() + ": " + lead.label() + " slot + " + offset.toHours() + " h";
            List<String> conflicts = rules.conflicts(new ScheduleRules.Candidate(content, channel, at.toInstant(),
                    existing.orElse(null)), now);
            proposals.add(new Proposal(channel, at, booked.map(p -> p.slotSource).orElse(anchor.source()),
                    booked.map(p -> p.slotNote).orElse(anchor.note()), reason, conflicts, existing.orElse(null)));
        }
        return proposals;
    }

    /** Offsets are relative to the strategy's first platform; the lead among the targets may not be it. */
    private static Duration offset(ContentItem content, Platform lead, Channel channel) {
        return content.sequencing.offset(channel.platform).minus(content.sequencing.offset(lead));
    }

    /**
     * Books the chosen channels (all or nothing) and moves approved content to SCHEDULED. A channel's earlier
     * publication that needs rescheduling or carries an outdated approval is re-used: one publication per channel.
     */
    public List<Publication> schedule(long contentId, List<Choice> choices, Instant now) {
        ContentItem content = contents.find(contentId);
        if (choices.isEmpty()) {
            throw new ScheduleException("Choose at least one channel.");
        }
        List<Channel> allowed = channelsFor(content);
        List<String> conflicts = new ArrayList<>();
        List<Publication> booked = new ArrayList<>();
        for (Choice choice : choices.stream().sorted(Comparator.comparing(Choice::channelId)).toList()) {
            Channel channel = allowed.stream().filter(c -> c.id == choice.channelId()).findFirst()
                    .orElseThrow(() -> new ScheduleException("Channel " + choice.channelId() + " does not post for '"
                            + content.title + "'."));
            Channel.findById(channel.id, LockModeType.PESSIMISTIC_WRITE);
            Instant at = WallClock.resolve(choice.local(), channel.zone()).toInstant();
            Publication publication = Publication.<Publication>find("content = ?1 and channel = ?2 and postKey = 0", content,
                    channel).firstResultOptional().orElse(null);
            if (publication != null && publication.status == PublicationStatus.SCHEDULED
                    && publication.revisionId.equals(content.approvedRevisionId)) {
                conflicts.add("'" + content.title + "' is already scheduled on " + channel.label()
                        + "; move it on the calendar instead.");
                continue;
            }
            List<String> found = rules.conflicts(new ScheduleRules.Candidate(content, channel, at, null), now);
            if (!found.isEmpty()) {
                conflicts.add(channel.label() + ": " + String.join(" ", found));
                continue;
            }
            String comment = "At " + at + " (" + WallClock.format(at.atZone(channel.zone())) + "), "
                    + choice.source().label().toLowerCase();
            if (publication == null) {
                publication = new Publication();
                publication.content = content;
                publication.channel = channel;
                publication.createdBy = identity.getPrincipal().getName();
                publication.createdAt = now;
                fill(publication, at, content.approvedRevisionId, choice.source(), choice.note(), now);
                publications.create(publication, comment);
            } else {
                fill(publication, at, content.approvedRevisionId, choice.source(), choice.note(), now);
                publications.move(publication, PublicationStatus.SCHEDULED, AuditAction.PUBLICATION_RESCHEDULED, comment, now);
            }
            booked.add(publication);
        }
        if (!conflicts.isEmpty()) {
            throw new ScheduleException(conflicts);
        }
        if (content.state == ContentState.APPROVED) {
            workflow.move(content, ContentState.SCHEDULED, "Scheduled on " + booked.size() + " channel"
                    + (booked.size() == 1 ? "" : "s"));
        }
        return booked;
    }

    /**
     * Books one more post of approved content on a channel beside its usual one, under {@code postKey} (an experiment
     * slot's id), so the same key is never booked twice; every {@link ScheduleRules} check passes with the channel
     * locked, or nothing is booked.
     */
    public Publication bookRepeat(long contentId, long channelId, long postKey, Instant at, String note, Instant now) {
        ContentItem content = contents.find(contentId);
        Channel channel = channelsFor(content).stream().filter(c -> c.id == channelId).findFirst()
                .orElseThrow(() -> new ScheduleException("Channel " + channelId + " does not post for '" + content.title + "'."));
        Channel.findById(channel.id, LockModeType.PESSIMISTIC_WRITE);
        if (Publication.count("content = ?1 and channel = ?2 and postKey = ?3", content, channel, postKey) > 0) {
            throw new ScheduleException("'" + content.title + "' is already booked for this slot on " + channel.label() + ".");
        }
        List<String> conflicts = rules.conflicts(new ScheduleRules.Candidate(content, channel, at, null), now);
        if (!conflicts.isEmpty()) {
            throw new ScheduleException(channel.label() + ": " + String.join(" ", conflicts));
        }
        Publication publication = new Publication();
        publication.content = content;
        publication.channel = channel;
        publication.postKey = postKey;
        publication.createdBy = identity.getPrincipal().getName();
        publication.createdAt = now;
        fill(publication, at, content.approvedRevisionId, SlotSource.EXPERIMENT, note, now);
        publications.create(publication, "At " + at + " (" + WallClock.format(at.atZone(channel.zone())) + "), "
                + SlotSource.EXPERIMENT.label().toLowerCase() + (note == null ? "" : ": " + note));
        if (content.state == ContentState.APPROVED) {
            workflow.move(content, ContentState.SCHEDULED, "Scheduled on " + channel.label());
        }
        return publication;
    }

    /** Moves a publication to {@code at} if every check passes; the calendar's drag and drop and its form both land here. */
    public Publication reschedule(long publicationId, Instant at, Instant now) {
        Publication publication = find(publicationId);
        Channel.findById(publication.channel.id, LockModeType.PESSIMISTIC_WRITE);
        List<String> conflicts = rules.conflicts(new ScheduleRules.Candidate(publication.content, publication.channel, at,
                publication), now);
        if (!conflicts.isEmpty()) {
            throw new ScheduleException(conflicts);
        }
        Instant before = publication.scheduledAt;
        fill(publication, at, publication.revisionId, SlotSource.CHOSEN, null, now);
        if (publication.content.state == ContentState.APPROVED) {
            workflow.move(publication.content, ContentState.SCHEDULED, "Rescheduled " + publication.channel.label());
        }
        publications.move(publication, PublicationStatus.SCHEDULED, AuditAction.PUBLICATION_RESCHEDULED,
                "From " + before + " to " + at + " (" + WallClock.format(at.atZone(publication.channel.zone())) + ")", now);
        return publication;
    }

    /** The publication if its brand is visible to the user (404 otherwise); see ContentService.find for SUPPORTS. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Publication find(long publicationId) {
        return brands.findVisible(Publication.class, publicationId, publication -> publication.channel.brand);
    }

    private static void fill(Publication publication, Instant at, Long revisionId, SlotSource source, String note,
            Instant now) {
        publication.scheduledAt = at;
        // The channel's choice when it was scheduled: a later change of the channel updates its scheduled publications.
        Integer lead = publication.channel.uploadLeadMinutes;
        publication.uploadLeadMinutes = lead == null ? 0 : lead;
        publication.revisionId = revisionId;
        publication.slotSource = source;
        publication.slotNote = note;
        publication.updatedAt = now;
    }
}
