package app.herald.analytics;

import java.util.Arrays;
import java.util.List;

import app.herald.channel.VideoMetrics;

/**
 * The ten additive values kept per publication and day and summed into the rollups, in {@link #COLUMNS} order; null
 * where the platform gives no value. Averages travel as additive stand-ins: percent_viewed_views = views * average %
 * viewed / 100 and views_with_percent = views, both only where a percentage is given.
 */
record DayValues(Double[] values) {

    static final List<String> COLUMNS = List.of("views", "likes", "comments", "shares", "saves", "watch_time_seconds",
            "percent_viewed_views", "views_with_percent", "reach", "followers_gained");
    /** The one column that is not a whole count. */
    static final int PERCENT_VIEWED_VIEWS = 6;

    static DayValues of(VideoMetrics metrics) {
        boolean percent = metrics.views() != null && metrics.averagePercentViewed() != null;
        return new DayValues(new Double[] { number(metrics.views()), number(metrics.likes()), number(metrics.comments()),
                number(metrics.shares()), number(metrics.saves()), number(metrics.watchTimeSeconds()),
                percent ? metrics.views() * metrics.averagePercentViewed() / 100 : null,
                percent ? number(metrics.views()) : null, number(metrics.reach()), number(metrics.followersGained()) });
    }

    Double get(int column) {
        return values[column];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DayValues day && Arrays.equals(values, day.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }

    private static Double number(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
