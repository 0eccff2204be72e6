package app.herald.content;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.herald.content.VariantGenerator.Core;
import app.herald.content.VariantGenerator.VariantText;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import app.herald.platform.TextLimit;

import static org.assertj.core.api.Assertions.assertThat;

class VariantGeneratorTest {

    private static final Core CORE = new Core("Pack a daypack in 60 seconds", "Three items beat ten.",
            "Water, layers and a headlamp cover most surprises on a day hike.", "#hiking #DayHike", "weekend hikers",
            "hiking", "Find your trail at northwind.example", "Always follow local trail rules.", "#northwind #hiking");

    @Test
    void youtubeIsEducationalWithSeoTitleAndSubscribeCall() {
        VariantText youtube = VariantGenerator.generate(Platform.YOUTUBE_SHORTS, CORE);
        assertThat(youtube.title()).isEqualTo("Pack a daypack in 60 seconds | Hiking explained");
        assertThat(youtube.body()).startsWith("In this Short: Pack a daypack in 60 seconds.\n\nThree items beat ten.")
                .contains("Subscribe for more hiking tips.").contains("#Shorts");
        assertThat(PlatformSpecs.checkText(Platform.YOUTUBE_SHORTS, youtube.title(), youtube.body())).isEmpty();
    }

    @Test
    void tiktokIsCasualWithHookTrendingTagsAndAQuestion() {
        VariantText tiktok = VariantGenerator.generate(Platform.TIKTOK, CORE);
        assertThat(tiktok.title()).isNull();
        assertThat(tiktok.body()).startsWith("Wait for it 👀 Pack a daypack in 60 seconds")
                .contains("Calling all weekend hikers: would you try this? Tell us in the comments 👇")
                .contains("#fyp", "#foryou");
    }

    @Test
    void facebookIsWarmWithAShareCall() {
        String body = VariantGenerator.generate(Platform.FACEBOOK_REELS, CORE).body();
        assertThat(body).startsWith("This one made our day ❤️").contains("Share this with a friend who would love it!")
                .contains("Find your trail at northwind.example.");
    }

    @Test
    void brandDisclaimerAndHashtagsAreAppliedOnceEach() {
        for (Platform platform : Platform.values()) {
            String body = VariantGenerator.generate(platform, CORE).body();
            assertThat(body).as(platform.name()).contains("Always follow local trail rules.").contains("#northwind");
            assertThat(Pattern.compile("(?i)#hiking(?![\\p{L}\\p{N}_])").matcher(body).results().count())
                    .as(platform + " #hiking once, whatever its case in content and brand").isEqualTo(1);
        }
    }

    @Test
    void longTextIsCutAtAWordBoundaryAndStillEndsWithDisclaimerAndHashtags() {
        String words = "walk ".repeat(3000).strip();
        Core longCore = new Core("Long", words, words, "#a", "", "", "", "Disclaimer here.", "#brand");
        for (Platform platform : Platform.values()) {
            VariantText text = VariantGenerator.generate(platform, longCore);
            TextLimit limit = PlatformSpecs.of(platform).body();
            assertThat(limit.exceededBy(text.body())).as(platform.name()).isFalse();
            assertThat(limit.measure(text.body())).as(platform + " uses the room it has")
                    .isGreaterThan(limit.max() - 20);
            assertThat(text.body()).as(platform.name()).contains("walk…").doesNotContain("wal…").doesNotContain(" …")
                    .contains("Disclaimer here.").contains("#brand").matches("(?s).*\\n#\\S+( #\\S+)*$");
        }
    }

    @Test
    void emojiHeavyTiktokCaptionRespectsUtf16Units() {
        String emoji = "🔥 ".repeat(1500);
        VariantText tiktok = VariantGenerator.generate(Platform.TIKTOK,
                new Core("Hot", emoji, "", "", "", "", "", "", ""));
        assertThat(tiktok.body().length()).isLessThanOrEqualTo(2200);
        assertThat(tiktok.body()).doesNotContain("\uD83D…"); // no half of a surrogate pair
    }

    @Test
    void youtubeTitleDropsTheKeywordRatherThanCutTheTitleAndNeverHasAngleBrackets() {
        String ninety = "Word ".repeat(18).strip();
        VariantText youtube = VariantGenerator.generate(Platform.YOUTUBE_SHORTS,
                new Core(ninety + " <b>", "", "", "", "", "mountaineering", "", "", ""));
        assertThat(youtube.title()).isEqualTo(ninety + " b").doesNotContain("<", ">");
        String longTitle = "Longword ".repeat(20).strip();
        VariantText cut = VariantGenerator.generate(Platform.YOUTUBE_SHORTS, new Core(longTitle, "", "", "", "", "", "", "", ""));
        assertThat(cut.title().codePointCount(0, cut.title().length())).isLessThanOrEqualTo(100);
        assertThat(cut.title()).endsWith("Longword…");
    }

    @Test
    void fitNeverCutsAWordInHalf() {
        TextLimit ten = new TextLimit(10, TextLimit.Unit.CHARACTERS);
        assertThat(VariantGenerator.fit("alpha beta gamma", "", ten)).isEqualTo("alpha…");
        assertThat(VariantGenerator.fit("short", "", ten)).isEqualTo("short");
        assertThat(VariantGenerator.compose(new TextLimit(40, TextLimit.Unit.CHARACTERS), "Hook",
                "one two three four five six seven", List.of("#end"))).isEqualTo("Hook\n\none two three four five six…\n\n#end");
    }
}
