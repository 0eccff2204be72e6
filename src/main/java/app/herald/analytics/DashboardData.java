package app.herald.analytics;

import java.util.List;
import java.util.Map;

import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;

/** What the dashboards show, as the JSON endpoints send it and the page's table views print it. */
public final class DashboardData {

    private DashboardData() {
    }

    /** What each platform counts as a "view", so a comparison across platforms says what it compares. */
    public static final Map<Platform, String> VIEW_DEFINITIONS = Map.of(
            Platform.YOUTUBE_SHORTS, "YouTube counts a Shorts view at every start or replay, with no minimum watch"
                    + " time (since 26 March 2025; earlier counts are not like-for-like).",
            Platform.TIKTOK, "TikTok's view count is its own play count; TikTok documents no minimum watch time and"
                    + " gives no watch time, reach or % viewed for a video.",
            Platform.FACEBOOK_REELS, "Facebook counts plays that start (at least 1 ms) after an impression, replays"
                    + " excluded (blue_reels_play_count).");

    /** One KPI tile: this period, the previous one and the change. A null value is one no platform gave. */
    public record Kpi(String key, String label, Double current, Double previous, String currentText,
            String previousText, String delta, Double change) {
    }

    /** A chart as Chart.js draws it, with each point also as text for its table view (a null point says why). */
    public record Chart(String type, String title, List<String> labels, List<Dataset> datasets) {

        public boolean isEmpty() {
            return labels.isEmpty() || datasets.isEmpty();
        }
    }

    /** One line or bar series; {@code text} holds each point as the table shows it. */
    public record Dataset(String label, List<Double> data, List<String> text) {
    }

    /** One published publication in the top content table, with its latest cumulative values. */
    public record TopRow(long publicationId, long contentId, String title, String owner, Platform platform,
            String channel, String publishedAt, Double views, Double engagementRate, Double percentViewed,
            Double followers, String viewsText, String engagementText, String percentText, String followersText) {
    }

    /** One content item published on several platforms: each platform's numbers, the winner and by how much. */
    public record Comparison(long contentId, String title, List<PlatformResult> results, Platform winner,
            Platform runnerUp, Double margin, Double marginPercent, String verdict) {
    }

    /** One platform's lifetime numbers for one content item. */
    public record PlatformResult(Platform platform, Double views, Double engagementRate, String viewsText,
            String engagementText) {
    }

    /** One sequencing strategy's results over the period, with its sample size. */
    public record StrategyRow(SequencingStrategy strategy, long items, long publications, Double viewsPerPost,
            Double engagementRate, Double percentViewed, boolean smallSample, String viewsText, String engagementText,
            String percentText) {
    }

    /** One channel's weekday × hour grid (Monday first, hours 0–23 in the brand's zone). */
    public record HeatmapChannel(long channelId, String name, Platform platform, long posts, Double medianEngagement,
            String medianText, List<List<HeatmapCell>> days) {
    }

    /**
     * One weekday-hour cell: posts published then, the median engagement of those measured relative to the channel's
     * own median ({@code ratio}, 1 = as usual), and its state: DATA, NOT_ENOUGH_DATA or NO_POSTS (never a 0).
     */
    public record HeatmapCell(int weekday, int hour, long posts, long measured, Double ratio, String state, String text) {

        /** What the cell shows in the grid; {@link #text()} says it in full. */
        public String label() {
            return switch (state) {
                case "DATA" -> String.format(java.util.Locale.ROOT, "%.2f×", ratio);
                case "NOT_ENOUGH_DATA" -> "few";
                default -> "";
            };
        }

        /** Colour band of the cell: better, usual or worse than the channel's median. */
        public String tone() {
            if (ratio == null) {
                return state.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
            return ratio >= 1.25 ? "better" : ratio <= 0.8 ? "worse" : "usual";
        }
    }
}
