package app.herald.content;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

import app.herald.platform.Platform;

/** In which order, and how far apart, one content item goes out on each platform (offsets from the lead). */
public enum SequencingStrategy {
    VIRAL_FIRST("Viral first", "TikTok now, Facebook +2 h, YouTube +4 h",
            Map.of(Platform.TIKTOK, 0, Platform.FACEBOOK_REELS, 2, Platform.YOUTUBE_SHORTS, 4)),
    AUTHORITY_FIRST("Authority first", "YouTube now, Facebook +1 h, TikTok +3 h",
            Map.of(Platform.YOUTUBE_SHORTS, 0, Platform.FACEBOOK_REELS, 1, Platform.TIKTOK, 3)),
    BALANCED("Balanced", "YouTube now, TikTok +1 h, Facebook +2 h",
            Map.of(Platform.YOUTUBE_SHORTS, 0, Platform.TIKTOK, 1, Platform.FACEBOOK_REELS, 2));

    private final String label;
    private final String summary;
    private final Map<Platform, Duration> offsets = new EnumMap<>(Platform.class);

    SequencingStrategy(String label, String summary, Map<Platform, Integer> offsetHours) {
        this.label = label;
        this.summary = summary;
        offsetHours.forEach((platform, hours) -> offsets.put(platform, Duration.ofHours(hours)));
    }

    public String label() {
        return label;
    }

    public String summary() {
        return summary;
    }

    /** How long after the lead platform's slot this platform posts. */
    public Duration offset(Platform platform) {
        return offsets.get(platform);
    }

    /** The platform that posts first among {@code targets}. */
    public Platform lead(java.util.Set<Platform> targets) {
        return targets.stream().min(Comparator.comparing(this::offset))
                .orElseThrow(() -> new IllegalArgumentException("No target platform"));
    }
}
