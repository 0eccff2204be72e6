package app.herald.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSpecsTest {

    private static final long MB = 1024L * 1024;

    private static MediaFacts video(double seconds, int width, int height, double fps) {
        return new MediaFacts("mp4", seconds, width, height, 0, "h264", "aac", fps, 6_000_000);
    }

    @Test
    void aVertical1080pClipMeetsEverySpec() {
        for (Platform platform : Platform.values()) {
            assertThat(PlatformSpecs.checkMedia(platform, video(30, 1080, 1920, 30), 20 * MB)).as(platform.label()).isEmpty();
        }
    }

    @Test
    void durationMessagesNameThePlatformTheLimitAndTheActualValue() {
        assertThat(messages(Platform.FACEBOOK_REELS, video(95, 1080, 1920, 30), MB))
                .containsExactly("Facebook Reels: video is 95 s; the platform allows 3–90 s.");
        assertThat(messages(Platform.YOUTUBE_SHORTS, video(180.04, 1080, 1920, 30), MB)).isEmpty();
        assertThat(messages(Platform.YOUTUBE_SHORTS, video(181.5, 1080, 1920, 30), MB))
                .containsExactly("YouTube Shorts: video is 181.5 s; the platform allows 1–180 s.");
        assertThat(messages(Platform.TIKTOK, video(2, 1080, 1920, 30), MB))
                .containsExactly("TikTok: video is 2 s; the platform allows 3–600 s.");
    }

    @Test
    void landscapeIsRefusedWhereOnlyVerticalOrSquareCounts() {
        MediaFacts landscape = video(20, 1920, 1080, 30);
        assertThat(messages(Platform.YOUTUBE_SHORTS, landscape, MB)).containsExactly(
                "YouTube Shorts: video is landscape 1920×1080 (16:9); the platform needs vertical 9:16 or square video.");
        assertThat(messages(Platform.TIKTOK, landscape, MB)).isEmpty();
        assertThat(messages(Platform.YOUTUBE_SHORTS, video(20, 1080, 1080, 30), MB)).isEmpty();
    }

    @Test
    void rotationDecidesTheDisplayedOrientation() {
        MediaFacts turned = new MediaFacts("mp4", 20, 1920, 1080, 90, "h264", "aac", 30, 0);
        assertThat(turned.dimensions()).isEqualTo("1080×1920");
        assertThat(turned.aspectRatio()).isEqualTo("9:16");
        assertThat(PlatformSpecs.checkMedia(Platform.FACEBOOK_REELS, turned, MB)).isEmpty();
    }

    @Test
    void resolutionFrameRateContainerCodecAndSizeLimits() {
        MediaFacts odd = new MediaFacts("webm", 20, 360, 640, 0, "av1", "opus", 15, 0);
        assertThat(messages(Platform.FACEBOOK_REELS, odd, 3 * 1024 * MB)).containsExactly(
                "Facebook Reels: video is 360×640; the minimum is 540×960.",
                "Facebook Reels: frame rate is 15 fps; the platform allows 24–60 fps.",
                "Facebook Reels: file format is webm; accepted are mov, mp4.",
                "Facebook Reels: file is 3 GB; the limit is 2 GB.");
        assertThat(messages(Platform.TIKTOK, odd, MB)).containsExactly(
                "TikTok: frame rate is 15 fps; the platform allows 23–60 fps.",
                "TikTok: video codec is av1; accepted are h264, hevc, vp8, vp9.");
    }

    private static List<String> messages(Platform platform, MediaFacts facts, long size) {
        return PlatformSpecs.checkMedia(platform, facts, size).stream().map(SpecViolation::message).toList();
    }
}
