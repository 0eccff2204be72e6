package app.herald.governance.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static app.herald.governance.engine.TestRules.banned;
import static app.herald.governance.engine.TestRules.rule;
import static app.herald.governance.engine.TestRules.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Segmenting text for highlighting, including overlapping findings. */
class HighlighterTest {

    private static Finding span(long ruleId, int start, int end) {
        return new Finding(ruleId, 1, "r" + ruleId, RuleKind.REGEX, Severity.WARN, null, "caption", start, end, "", "");
    }

    private static String render(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Highlighter.Segment s : Highlighter.segments(text, findings)) {
            out.append(s.flagged() ? "[" + s.text() + "|" + s.findings().stream().map(f -> f.ruleId())
                    .map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow() + "]" : s.text());
        }
        return out.toString();
    }

    @Test
    void overlappingTermFindingsSplitIntoSegments() {
        String caption = "Get free money now";
        List<Finding> findings = RuleEngine.compile(1, List.of(rule(1, banned("free")), rule(2, banned("free money"))))
                .check(text("caption", caption));
        assertThat(render(caption, findings)).isEqualTo("Get [free|1,2][ money|2] now");
    }

    @Test
    void partialAndNestedOverlaps() {
        assertThat(render("abcdefghi", List.of(span(1, 0, 6), span(2, 3, 9)))).isEqualTo("[abc|1][def|1,2][ghi|2]");
        assertThat(render("abcdefghi", List.of(span(2, 2, 4), span(1, 0, 9)))).isEqualTo("[ab|1][cd|1,2][efghi|1]");
        assertThat(render("abcdef", List.of(span(1, 1, 2), span(2, 4, 5)))).isEqualTo("a[b|1]cd[e|2]f");
    }

    @Test
    void segmentsConcatenateToTheOriginal() {
        String text = "🔥 free 💸 money";
        List<Highlighter.Segment> segments = Highlighter.segments(text, List.of(span(1, 3, 7), span(2, 5, 16)));
        assertThat(segments.stream().map(Highlighter.Segment::text).reduce("", String::concat)).isEqualTo(text);
    }

    @Test
    void emptyAndOutOfRangeSpansAreHandled() {
        assertThat(render("abc", List.of(span(1, 0, 0), span(2, 2, 99)))).isEqualTo("ab[c|2]");
        assertThat(Highlighter.segments("", List.of(span(1, 0, 0)))).isEmpty();
        assertThat(render("abc", List.of())).isEqualTo("abc");
    }
}
