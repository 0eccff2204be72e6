package app.herald.insight;

import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the performance model knows of a post before it goes out: where (platform, channel), when (weekday and hour in
 * the channel's zone), the content's strategy and niche, the video's duration (null when unknown), the caption's
 * length and its hashtag count.
 */
public record PostFeatures(String platform, long channelId, DayOfWeek day, int hour, String strategy, Double durationSeconds,
        int captionLength, int hashtagCount, String niche) {

    private static final Pattern TAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
    /** Duration and text lengths are scaled to about 0..1 so one learning rate suits every feature. */
    private static final double LONGEST_VIDEO_LOG = Math.log1p(600);
    private static final double LONGEST_CAPTION = 2200;
    private static final double MOST_HASHTAGS = 30;

    /** Distinct hashtags of the content's hashtag field (with or without '#') and of the caption's {@code #words}. */
    public static int hashtagCount(String hashtags, String caption) {
        Set<String> tags = new HashSet<>();
        if (hashtags != null) {
            for (String tag : hashtags.split("[\\s,]+")) {
                String bare = tag.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (!bare.isEmpty()) {
                    tags.add(bare);
                }
            }
        }
        if (caption != null) {
            Matcher matcher = TAG.matcher(caption);
            while (matcher.find()) {
                tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tags.size();
    }

    String[] names() {
        return new String[] { "platform=" + platform, "channel=" + channelId, "day=" + day, "hour=" + hour,
                "strategy=" + strategy, "niche=" + nicheKey(), durationSeconds == null ? "duration.unknown" : "duration",
                "caption", "hashtags" };
    }

    double[] values() {
        return new double[] { 1, 1, 1, 1, 1, 1,
                durationSeconds == null ? 1 : Math.min(Math.log1p(durationSeconds) / LONGEST_VIDEO_LOG, 1),
                Math.min(captionLength, LONGEST_CAPTION) / LONGEST_CAPTION, Math.min(hashtagCount, MOST_HASHTAGS) / MOST_HASHTAGS };
    }

    private String nicheKey() {
        return niche == null || niche.isBlank() ? "none" : niche.strip().toLowerCase(Locale.ROOT);
    }
}
