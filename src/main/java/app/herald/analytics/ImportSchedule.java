package app.herald.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;
import app.herald.system.StartupFailure;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The decaying fetch schedule ({@code herald.metrics.schedule}): often while a post is young and its counters move,
 * rarely once they settle, never after the last age. Read once at start-up; a malformed value stops the start.
 */
@ApplicationScoped
public class ImportSchedule {

    /** Fetch every {@code every} while the publication is younger than {@code until}. */
    public record Step(Duration every, Duration until) {
    }

    private final List<Step> steps;

    @Inject
    public ImportSchedule(HeraldConfig config) {
        this(parse(config.metrics().schedule()));
    }

    ImportSchedule(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * When to fetch next after a fetch at {@code fetchedAt} of a publication published at {@code publishedAt}: one
     * step later, never past the last age (so the last fetch falls on it); null once the last age is reached.
     */
    public Instant next(Instant publishedAt, Instant fetchedAt) {
        Duration age = Duration.between(publishedAt, fetchedAt);
        Instant end = publishedAt.plus(steps.get(steps.size() - 1).until());
        for (Step step : steps) {
            if (age.compareTo(step.until()) < 0) {
                Instant next = fetchedAt.plus(step.every());
                return next.isAfter(end) ? end : next;
            }
        }
        return null;
    }

    /** Parses {@code 15m until 6h, 1h until 3d, ...}; each duration as Quarkus reads them (15m, 6h, 3d, PT15M). */
    static List<Step> parse(String schedule) {
        List<Step> steps = new ArrayList<>();
        for (String part : schedule.split(",")) {
            String[] words = part.trim().split("\\s+until\\s+");
            if (words.length != 2) {
                throw invalid(schedule, "'" + part.trim() + "' is not '<every> until <age>'");
            }
            Step step;
            try {
                step = new Step(DurationConverter.parseDuration(words[0]), DurationConverter.parseDuration(words[1]));
            } catch (IllegalArgumentException e) {
                throw invalid(schedule, "'" + part.trim() + "' holds a duration Herald cannot read (" + e.getMessage() + ")");
            }
            if (step.every() == null || step.until() == null || step.every().isNegative() || step.every().isZero()) {
                throw invalid(schedule, "'" + part.trim() + "' needs a positive interval and an age");
            }
            if (!steps.isEmpty() && step.until().compareTo(steps.get(steps.size() - 1).until()) <= 0) {
                throw invalid(schedule, "the ages must grow from step to step");
            }
            steps.add(step);
        }
        return steps;
    }

    private static StartupFailure invalid(String schedule, String why) {
        return new StartupFailure("herald.metrics.schedule is '" + schedule + "': " + why
                + ". Example: 15m until 6h, 1h until 3d, 1d until 30d, 7d until 90d.");
    }
}
