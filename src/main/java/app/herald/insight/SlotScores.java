package app.herald.insight;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Scores each weekday × hour cell of one channel by engagement relative to the channel's median, shrunk towards the
 * prior (the median itself, 1.0) with an empirical-Bayes weight: score = (n × mean + k × 1) / (n + k), where n is
 * the cell's posts, mean their mean relative engagement and k the prior strength in posts.
 */
public final class SlotScores {

    /** One post: when it went out in the channel's zone and its engagement rate. */
    public record Post(ZonedDateTime at, double engagement) {
    }

    /** A weekday × hour cell: its posts, their mean engagement relative to the median, and the shrunk score. */
    public record Cell(DayOfWeek day, int hour, int posts, double meanRelative, double score) {

        /** The shrunk uplift over the channel's median, e.g. 0.23 for +23%. */
        public double uplift() {
            return score - 1;
        }
    }

    private SlotScores() {
    }

    public static int key(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** The channel's median engagement, or 0 when there is none. */
    public static double median(Collection<Post> posts) {
        return posts.isEmpty() ? 0 : new Median().evaluate(posts.stream().mapToDouble(Post::engagement).toArray());
    }

    /** The scored cells keyed by {@link #key}; empty when the median is 0 (nothing to compare with). */
    public static Map<Integer, Cell> cells(Collection<Post> posts, double median, double priorStrength) {
        Map<Integer, double[]> sums = new HashMap<>();
        if (median <= 0) {
            return Map.of();
        }
        for (Post post : posts) {
            double[] sum = sums.computeIfAbsent(key(post.at().getDayOfWeek(), post.at().getHour()), k -> new double[2]);
            sum[0]++;
            sum[1] += post.engagement() / median;
        }
        Map<Integer, Cell> cells = new HashMap<>();
        sums.forEach((key, sum) -> cells.put(key, new Cell(DayOfWeek.of(key / 24 + 1), key % 24, (int) sum[0],
                sum[1] / sum[0], shrink((int) sum[0], sum[1] / sum[0], priorStrength))));
        return cells;
    }

    /** (n × mean + k × 1) / (n + k): with no posts the prior (1, the median), with many the cell's own mean. */
    public static double shrink(int posts, double meanRelative, double priorStrength) {
        return (posts * meanRelative + priorStrength) / (posts + priorStrength);
    }
}
