package app.herald.channel;

import java.time.Instant;

/** Cumulative counters of one published video at {@code asOf}; a metric the platform does not give stays null. */
public record VideoMetrics(Instant asOf, Long views, Long likes, Long comments, Long shares, Long saves,
        Long watchTimeSeconds, Double averageViewSeconds, Double averagePercentViewed, Long reach, Long followersGained) {
}
