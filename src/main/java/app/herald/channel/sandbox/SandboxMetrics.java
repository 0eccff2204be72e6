package app.herald.channel.sandbox;

import java.time.Duration;
import java.time.Instant;

import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;

/**
 * Plausible cumulative counters for a Sandbox video: deterministic per video id, growing fast in the first hours and
 * levelling off, shaped like the platform's public API (TikTok gives no watch time or reach, YouTube no reach).
 */
public final class SandboxMetrics {

    private SandboxMetrics() {
    }

    public static VideoMetrics at(Platform platform, String videoId, Instant publishedAt, Instant now) {
        long seed = videoId.hashCode() & 0xffffffffL;
        double hours = Math.max(0, Duration.between(publishedAt, now).toSeconds() / 3600.0);
        double reachOfVideo = 500 + seed % 20_000;
        double grown = 1 - Math.exp(-hours / 18.0);
        long views = Math.round(reachOfVideo * grown);
        double likeRate = 0.03 + (seed % 50) / 1000.0;
        long likes = Math.round(views * likeRate);
        long comments = Math.round(views * likeRate / 8);
        long shares = Math.round(views * likeRate / 5);
        double percentViewed = 35 + seed % 50;
        double averageSeconds = 30 * percentViewed / 100;
        return switch (platform) {
            case YOUTUBE_SHORTS -> new VideoMetrics(now, views, likes, comments, shares, null,
                    Math.round(views * averageSeconds), averageSeconds, percentViewed, null, Math.round(views * 0.004));
            case TIKTOK -> new VideoMetrics(now, views, likes, comments, shares, Math.round(views * likeRate / 4),
                    null, null, null, null, null);
            case FACEBOOK_REELS -> new VideoMetrics(now, views, likes, comments, shares, null,
                    Math.round(views * averageSeconds), averageSeconds, null, Math.round(views * 0.8), Math.round(views * 0.002));
        };
    }
}
