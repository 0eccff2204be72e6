package app.herald.platform;

import java.time.Duration;
import java.util.Set;

/**
 * What one platform accepts, as data: media limits, text limits counted the platform's way, posting limits.
 * Values and sources: {@code shared/reference/platform-apis.md} (sections named in {@link PlatformSpecs}).
 *
 * @param minSeconds         shortest accepted video
 * @param maxSeconds         longest accepted video
 * @param verticalOrSquare   whether only 9:16 / square (width ≤ height) qualifies
 * @param minWidth           minimum width in pixels (0 = none documented)
 * @param minHeight          minimum height in pixels (0 = none documented)
 * @param minFps             lowest frame rate (0 = none documented)
 * @param maxFps             highest frame rate (0 = none documented)
 * @param containers         accepted containers as ffprobe names them (mp4, mov, webm)
 * @param videoCodecs        accepted video codecs as ffprobe names them
 * @param maxBytes           largest accepted file
 * @param title              title limit, or null when posts have no separate title
 * @param body               description or caption limit
 * @param forbiddenCharacters characters the platform rejects in text
 * @param maxHashtags        more hashtags than this makes the platform ignore them (0 = none documented)
 * @param earliestSchedule   how far ahead a scheduled post must be at least
 * @param latestSchedule     how far ahead a post may be scheduled at most
 * @param postsPer24h        publishing cap per account in any 24 h
 */
public record PlatformSpec(Platform platform, int minSeconds, int maxSeconds, boolean verticalOrSquare, int minWidth,
        int minHeight, int minFps, int maxFps, Set<String> containers, Set<String> videoCodecs, long maxBytes,
        TextLimit title, TextLimit body, String forbiddenCharacters, int maxHashtags, Duration earliestSchedule,
        Duration latestSchedule, int postsPer24h) {

    /**
     * Whether the platform's API can hold an uploaded video and publish it at a given time (YouTube {@code publishAt},
     * Facebook {@code SCHEDULED}); TikTok's Content Posting API cannot (platform-apis.md section 0).
     */
    public boolean schedulesOnPlatform() {
        return platform != Platform.TIKTOK;
    }

    /**
     * Whether Herald sets a post's cover frame on this platform: TikTok takes it with the post
     * ({@code video_cover_timestamp_ms}, platform-apis.md 2.3), YouTube by a call of its own after the upload
     * ({@code thumbnails.set}, 1.7); Herald does not set Facebook Reels covers.
     */
    public boolean setsCoverFrame() {
        return platform != Platform.FACEBOOK_REELS;
    }

    /** The default minimum gap between two posts of one account: the 24 h cap spread evenly over the day. */
    public Duration evenSpacing() {
        return Duration.ofMinutes(Duration.ofHours(24).toMinutes() / postsPer24h);
    }
}
