package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import static app.herald.governance.engine.TestRules.check;
import static org.assertj.core.api.Assertions.assertThat;

/** Length limits counted in code points. */
class LengthLimitTest {

    private static final RuleSpec FIVE = new RuleSpec.LengthLimit(5);

    @Test
    void emojiCountAsOneCharacter() {
        assertThat(check(FIVE, "🔥🔥🔥🔥🔥")).isEmpty();
        assertThat(check(FIVE, "hello")).isEmpty();
        assertThat(check(FIVE, "")).isEmpty();
    }

    @Test
    void findingCoversOnlyTheOverflow() {
        String text = "🔥🔥🔥🔥🔥🔥x";
        Finding f = check(FIVE, text).get(0);
        assertThat(f.start()).isEqualTo(10);
        assertThat(f.end()).isEqualTo(text.length());
        assertThat(f.matched()).isEqualTo("🔥x");
        assertThat(f.message()).isEqualTo("Text is 7 characters; the limit is 5.");
    }

    @Test
    void plainTextOverflow() {
        assertThat(check(FIVE, "hello world").get(0).matched()).isEqualTo(" world");
    }
}
