package app.herald.governance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokenisation and offset mapping of the normalised view, including Unicode edge cases. */
class NormalizedTextTest {

    private static List<String> tokens(String text) {
        NormalizedText n = NormalizedText.of(text);
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < n.tokenCount(); t++) {
            tokens.add(n.token(t));
        }
        return tokens;
    }

    /** Original substrings of each token, the view a highlight would show. */
    private static List<String> spans(String text) {
        NormalizedText n = NormalizedText.of(text);
        List<String> spans = new ArrayList<>();
        for (int t = 0; t < n.tokenCount(); t++) {
            spans.add(text.substring(n.originalStart(t, true), n.originalEnd(t)));
        }
        return spans;
    }

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertThat(tokens("Crème  BRÛLÉE, s'il-vous-plaît!")).containsExactly("creme", "brulee", "s", "il", "vous", "plait");
    }

    @Test
    void combiningAccentsStayWithTheirLetter() {
        String text = "cre\u0300me bru\u0302le\u0301e";
        assertThat(tokens(text)).containsExactly("creme", "brulee");
        assertThat(spans(text)).containsExactly("cre\u0300me", "bru\u0302le\u0301e");
        assertThat(spans("cafe\u0301! 1\uFE0F\u20E3")).containsExactly("cafe\u0301", "1\uFE0F\u20E3");
    }

    @Test
    void ligaturesExpandButMapBackToTheLigature() {
        assertThat(tokens("ﬁne ﬂow")).containsExactly("fine", "flow");
        assertThat(spans("ﬁne ﬂow")).containsExactly("ﬁne", "ﬂow");
    }

    @Test
    void sharpSAndDottedCapitalIFoldWithoutMisaligning() {
        assertThat(tokens("Straße İSTANBUL ıi")).containsExactly("strasse", "istanbul", "ii");
        assertThat(spans("Straße İSTANBUL ıi")).containsExactly("Straße", "İSTANBUL", "ıi");
    }

    @Test
    void emojiSeparateWordsAndSurrogatePairsAreNeverSplit() {
        String text = "🔥free💸money🔥 𝐟𝐫𝐞𝐞";
        assertThat(tokens(text)).containsExactly("free", "money", "free");
        assertThat(spans(text)).containsExactly("free", "money", "𝐟𝐫𝐞𝐞");
    }

    @Test
    void rtlWordsTokeniseAndDropVowelMarks() {
        assertThat(tokens("שָׁלוֹם עולם")).containsExactly("שלום", "עולם");
        assertThat(spans("مَرْحَبًا بكم")).containsExactly("مَرْحَبًا", "بكم");
    }

    @Test
    void hanAndKanaBecomeOneTokenPerCharacter() {
        // the voicing mark of ド is a combining mark under NFKD, so it folds to ト like any other accent
        assertThat(tokens("这是免费 カード")).containsExactly("这", "是", "免", "费", "カ", "ー", "ト");
    }

    @Test
    void hashtagMarkerIsRecordedButNotPartOfTheToken() {
        NormalizedText n = NormalizedText.of("#Ad and ad");
        assertThat(n.token(0)).isEqualTo("ad");
        assertThat(n.isHashed(0)).isTrue();
        assertThat(n.isHashed(2)).isFalse();
        assertThat(spans("#Ad and ad")).containsExactly("#Ad", "and", "ad");
    }

    @Test
    void invisibleFormatCharactersDoNotSplitWords() {
        assertThat(tokens("fr\u200Bee mo\u00ADney \u200Fword")).containsExactly("free", "money", "word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "!!!", "\u0301", "\uD83D", "a\uDC00b", "ﷺ x", "½ ㈱", "ǰ̌", "\u0130\u0307", "1️⃣ 2"})
    void oddInputNeverProducesOffsetsOutsideTheString(String text) {
        NormalizedText n = NormalizedText.of(text);
        for (int t = 0; t < n.tokenCount(); t++) {
            int start = n.originalStart(t, true);
            int end = n.originalEnd(t);
            assertThat(start).isBetween(0, end);
            assertThat(end).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(start, end)).isNotEmpty();
        }
    }
}
