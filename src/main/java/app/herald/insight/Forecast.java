package app.herald.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a page shows for one channel: the expected 7-day views and engagement rate with their 80% intervals, and in
 * plain words where the numbers come from (the model and by how much it beat the baseline, or the baseline and why).
 * {@code available} is false with only a {@code message} when there is nothing honest to show yet.
 */
public record Forecast(String channel, boolean available, String message, String views, String engagement, String basis) {

    public static Forecast unavailable(String channel, String message) {
        return new Forecast(channel, false, message, null, null, null);
    }

    /** 1234 → "1.2k", 2500000 → "2.5M": numbers for people. */
    static String count(double value) {
        double rounded = Math.max(0, value);
        if (rounded >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", rounded / 1_000_000);
        }
        if (rounded >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", rounded / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f", rounded);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", Math.max(0, rate) * 100);
    }

    static String age(Instant trainedAt, Instant now) {
        Duration age = Duration.between(trainedAt, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
