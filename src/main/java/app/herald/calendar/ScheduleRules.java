package app.herald.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.ContentState;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;

/**
 * Every check a (re)scheduled time must pass, in one place for the schedule form, the calendar's drag and drop
 * and its keyboard form. Each conflict comes back as a sentence naming what is in the way.
 */
@ApplicationScoped
public class ScheduleRules {

    /** What is being placed where: {@code publication} is null for a new one (its own slot is then not compared). */
    public record Candidate(ContentItem content, Channel channel, Instant at, Publication publication) {
    }

    /** The conflicts of {@code candidate} at {@code now}; empty when it may be scheduled. Call inside a transaction. */
    public List<String> conflicts(Candidate candidate, Instant now) {
        List<String> conflicts = new ArrayList<>();
        Channel channel = candidate.channel();
        ZonedDateTime local = candidate.at().atZone(channel.zone());
        String when = WallClock.format(local);
        approval(candidate, conflicts);
        if (!candidate.at().isAfter(now)) {
            conflicts.add(when + " is in the past.");
        } else {
            window(channel, candidate.at(), now, when, conflicts);
        }
        if (channel.status == ChannelStatus.PAUSED) {
            conflicts.add(channel.label() + " is paused; resume it on its channel page first.");
        } else if (channel.status == ChannelStatus.RECONNECT_NEEDED) {
            conflicts.add(channel.label() + " needs reconnecting before it can post.");
        }
        conflicts.addAll(timeConflicts(candidate));
        return conflicts;
    }

    /**
     * Whether {@code candidate}'s time itself is free on its channel: no blackout date, the minimum gap kept, the
     * daily cap not reached. Suggested slots are checked with this so that a suggestion never breaks a rule.
     */
    public List<String> timeConflicts(Candidate candidate) {
        List<String> conflicts = new ArrayList<>();
        blackout(candidate, conflicts);
        gap(candidate, conflicts);
        dailyCap(candidate, candidate.at().atZone(candidate.channel().zone()).toLocalDate(), conflicts);
        return conflicts;
    }

    private static void approval(Candidate candidate, List<String> conflicts) {
        ContentItem content = candidate.content();
        boolean schedulable = content.state == ContentState.APPROVED || content.state == ContentState.SCHEDULED;
        if (!schedulable || content.approvedRevisionId == null) {
            conflicts.add("'" + content.title + "' is " + content.state.label().toLowerCase()
                    + ", not approved; only approved content can be scheduled.");
        } else if (!content.isApprovedRevisionCurrent()) {
            conflicts.add("'" + content.title + "' changed after approval; the approved revision is no longer current.");
        } else if (candidate.publication() != null && !content.approvedRevisionId.equals(candidate.publication().revisionId)) {
            conflicts.add("'" + content.title + "' was approved again in a new revision since this was scheduled;"
                    + " schedule it again from its schedule page.");
        }
    }

    private static void window(Channel channel, Instant at, Instant now, String when, List<String> conflicts) {
        PlatformSpec spec = PlatformSpecs.of(channel.platform);
        Duration ahead = Duration.between(now, at);
        if (ahead.compareTo(spec.earliestSchedule()) < 0 || ahead.compareTo(spec.latestSchedule()) > 0) {
            conflicts.add(when + " is outside " + channel.platform.label() + "'s scheduling window: from "
                    + spec.earliestSchedule().toMinutes() + " minutes to " + spec.latestSchedule().toDays() + " days ahead.");
        }
    }

    private static void blackout(Candidate candidate, List<String> conflicts) {
        ZoneId brandZone = ZoneId.of(candidate.content().brand.timezone);
        LocalDate day = candidate.at().atZone(brandZone).toLocalDate();
        BlackoutDate.<BlackoutDate>find("brand = ?1 and day = ?2", candidate.content().brand, day).firstResultOptional()
                .ifPresent(blackout -> conflicts.add(day + " is a blackout date for " + blackout.brand.name
                        + (blackout.reason == null ? "" : " (" + blackout.reason + ")") + "."));
    }

    private static void gap(Candidate candidate, List<String> conflicts) {
        Channel channel = candidate.channel();
        if (channel.minGapMinutes == 0) {
            return;
        }
        Instant at = candidate.at();
        List<Publication> near = Publication.list("channel = ?1 and status in ?2 and id <> ?3 and scheduledAt > ?4"
                        + " and scheduledAt < ?5 order by scheduledAt", channel, PublicationStatus.TAKES_A_SLOT,
                ownId(candidate), at.minus(channel.minGap()), at.plus(channel.minGap()));
        for (Publication other : near) {
            long minutes = Math.abs(Duration.between(other.scheduledAt, at).toMinutes());
            conflicts.add("Only " + minutes + " minutes from '" + other.content.title + "' at "
                    + WallClock.format(other.scheduledAt.atZone(channel.zone())) + " on " + channel.label()
                    + "; the minimum gap is " + channel.minGapMinutes + " minutes.");
        }
    }

    private static void dailyCap(Candidate candidate, LocalDate localDay, List<String> conflicts) {
        Channel channel = candidate.channel();
        Instant dayStart = localDay.atStartOfDay(channel.zone()).toInstant();
        Instant dayEnd = localDay.plusDays(1).atStartOfDay(channel.zone()).toInstant();
        long taken = Publication.count("channel = ?1 and status in ?2 and id <> ?3 and scheduledAt >= ?4 and scheduledAt < ?5",
                channel, PublicationStatus.TAKES_A_SLOT, ownId(candidate), dayStart, dayEnd);
        if (taken >= channel.dailyCap) {
            conflicts.add(channel.label() + " already has " + taken + " post" + (taken == 1 ? "" : "s") + " on " + localDay
                    + " (" + channel.timezone + "); its daily cap is " + channel.dailyCap + ".");
        }
    }

    private static long ownId(Candidate candidate) {
        return candidate.publication() == null ? -1L : candidate.publication().id;
    }
}
