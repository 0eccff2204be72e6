package app.herald.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text limits counted the platforms' way: code points, UTF-8 bytes, UTF-16 units. */
class PlatformSpecsTest {

    private static final String FIRE = "🔥"; // 1 code point, 2 UTF-16 units, 4 UTF-8 bytes

    @Test
    void youtubeTitleCountsCharactersSoEmojiCountOnce() {
        String hundred = FIRE.repeat(100);
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, hundred, "ok")).isEmpty();
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, hundred + "x", "ok"))
                .extracting(SpecViolation::message)
                .containsExactly("YouTube Shorts: title is 101 characters; the limit is 100 characters.");
    }

    @Test
    void youtubeDescriptionCountsUtf8Bytes() {
        String fits = FIRE.repeat(1250); // 5000 bytes, 1250 characters
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, "t", fits)).isEmpty();
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, "t", fits + "é"))
                .extracting(SpecViolation::message)
                .containsExactly("YouTube Shorts: description is 5002 bytes (UTF-8); the limit is 5000 bytes (UTF-8).");
    }

    @Test
    void tiktokCaptionCountsUtf16UnitsSoEmojiCountTwice() {
        String fits = FIRE.repeat(1100); // 2200 units
        assertThat(PlatformSpecs.checkText(Platform.TIKTOK, null, fits)).isEmpty();
        assertThat(PlatformSpecs.checkText(Platform.TIKTOK, null, fits + "a"))
                .extracting(SpecViolation::message)
                .containsExactly("TikTok: caption is 2201 UTF-16 units; the limit is 2200 UTF-16 units.");
    }

    @Test
    void facebookDescriptionKeptAt2200Characters() {
        assertThat(PlatformSpecs.checkText(Platform.FACEBOOK_REELS, null, FIRE.repeat(2200))).isEmpty();
        assertThat(PlatformSpecs.checkText(Platform.FACEBOOK_REELS, null, "a".repeat(2201)))
                .extracting(SpecViolation::message)
                .containsExactly("Facebook Reels: description is 2201 characters; the limit is 2200 characters.");
    }

    @Test
    void youtubeRefusesAngleBracketsAndNeedsATitle() {
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, "a <b>", "c > d"))
                .extracting(SpecViolation::message)
                .contains("YouTube Shorts: '<' is not allowed in the title; remove it.",
                        "YouTube Shorts: '>' is not allowed in the description; remove it.");
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, " ", "x")).extracting(SpecViolation::message)
                .containsExactly("YouTube Shorts: a title is required.");
    }

    @Test
    void moreThanSixtyHashtagsMakeYoutubeIgnoreThem() {
        String sixty = "#a ".repeat(60);
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, "t", sixty)).isEmpty();
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, "t #b", sixty)).extracting(SpecViolation::message)
                .containsExactly("YouTube Shorts: 61 hashtags; with more than 60 the platform ignores all of them.");
        assertThat(PlatformSpecs.countHashtags("C# and page#top and &#39; are not hashtags, #this is")).isEqualTo(1);
    }

    @Test
    void mediaLimitsAreTheDocumentedOnes() {
        assertThat(PlatformSpecs.of(Platform.FACEBOOK_REELS).maxSeconds()).isEqualTo(90);
        assertThat(PlatformSpecs.of(Platform.FACEBOOK_REELS).minWidth()).isEqualTo(540);
        assertThat(PlatformSpecs.of(Platform.YOUTUBE_SHORTS).maxSeconds()).isEqualTo(180);
        assertThat(PlatformSpecs.of(Platform.TIKTOK).maxBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
    }
}
