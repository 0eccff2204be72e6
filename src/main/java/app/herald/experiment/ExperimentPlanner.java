package app.herald.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.calendar.ScheduleRules;
import app.herald.calendar.SlotAdvisor;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;

/**
 * Proposes the slots of an experiment's posts so arms are comparable: in round r the arms take turns in rotated
 * order (AB, BA, …) over the brand's active channels of the platform, at the platform's suggested slots, one
 * experiment post per channel and day. Every slot passes {@link ScheduleRules} (caps, gaps, blackouts, window)
 * against what is booked, and the minimum gap against the plan's own posts.
 */
@ApplicationScoped
public class ExperimentPlanner {

    @Inject
    SlotAdvisor advisor;

    @Inject
    ScheduleRules rules;

    /** One proposed post. */
    record Planned(ExperimentArm arm, Channel channel, Instant at) {
    }

    /** The plan for {@code experiment}'s arms; refused with the reason when its posts do not fit the window. */
    List<Planned> plan(Experiment experiment, Instant now) {
        List<Channel> channels = Channel.<Channel>list("brand = ?1 and platform = ?2 and status = ?3 order by displayName",
                experiment.brand, experiment.platform, ChannelStatus.ACTIVE);
        if (channels.isEmpty()) {
            throw new ExperimentException(experiment.brand.name + " has no active " + experiment.platform.label()
                    + " channel: connect or resume one before planning an experiment on it.");
        }
        PlatformSpec spec = PlatformSpecs.of(experiment.platform);
        Instant start = now.plus(spec.earliestSchedule()).plus(Duration.ofMinutes(1));
        Instant end = now.plus(spec.latestSchedule());
        Map<Channel, List<Instant>> taken = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        List<ExperimentArm> arms = experiment.arms;
        int total = arms.size() * experiment.minPerArm;
        for (int round = 0; round < experiment.minPerArm; round++) {
            for (int turn = 0; turn < arms.size(); turn++) {
                ExperimentArm arm = arms.get((round + turn) % arms.size());
                Channel channel = channels.get(plan.size() % channels.size());
                Instant at = firstFree(experiment, experiment.content, channel, start, end,
                        taken.computeIfAbsent(channel, c -> new ArrayList<>()), now);
                if (at == null) {
                    throw new ExperimentException("Only " + plan.size() + " of the " + total + " posts fit in "
                            + experiment.platform.label() + "'s scheduling window (" + spec.latestSchedule().toDays()
                            + " days) on " + channels.size() + " channel" + (channels.size() == 1 ? "" : "s")
                            + " under their caps, gaps and blackout dates: lower the minimum sample, use fewer arms or"
                            + " add a channel.");
                }
                taken.get(channel).add(at);
                plan.add(new Planned(arm, channel, at));
            }
        }
        return plan;
    }

    /**
     * A new time for a proposed slot on {@code channel} that no longer passes the rules for {@code content}: the first
     * free suggested slot from {@code from}, clear of the experiment's {@code others} on that channel; null when none
     * is left in the platform's window.
     */
    Instant repropose(Experiment experiment, ContentItem content, Channel channel, Instant from, List<Instant> others,
            Instant now) {
        PlatformSpec spec = PlatformSpecs.of(experiment.platform);
        Instant start = now.plus(spec.earliestSchedule()).plus(Duration.ofMinutes(1));
        return firstFree(experiment, content, channel, from.isAfter(start) ? from : start, now.plus(spec.latestSchedule()),
                others, now);
    }

    private Instant firstFree(Experiment experiment, ContentItem content, Channel channel, Instant start, Instant end,
            List<Instant> planned, Instant now) {
        Instant from = start;
        while (true) {
            Instant at = advisor.next(experiment.platform, channel.zone(), from,
                    day -> planned.stream().noneMatch(p -> p.atZone(channel.zone()).toLocalDate().equals(day))).at()
                    .toInstant();
            if (at.isAfter(end)) {
                return null;
            }
            boolean clearOfPlan = planned.stream().allMatch(p -> Duration.between(p, at).abs().compareTo(channel.minGap()) >= 0);
            if (clearOfPlan && rules.conflicts(new ScheduleRules.Candidate(content, channel, at, null), now).isEmpty()) {
                return at;
            }
            from = at.plus(Duration.ofMinutes(1));
        }
    }
}
