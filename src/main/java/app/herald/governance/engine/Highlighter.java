package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a field's text into consecutive segments, each listing every finding that covers it, so a
 * template can wrap flagged segments in {@code <mark>} even where findings overlap. Produces no HTML.
 */
public final class Highlighter {

    /** A run of text and the findings covering all of it; empty findings means plain text. */
    public record Segment(String text, List<Finding> findings) {
        public Segment {
            findings = List.copyOf(findings);
        }

        public boolean flagged() {
            return !findings.isEmpty();
        }
    }

    private Highlighter() {
    }

    /**
     * @param text     the field's original text
     * @param findings findings for this field only; spans past the end of the text are clipped and
     *                 empty spans (such as a skipped rule) mark nothing
     * @return segments whose texts concatenate back to {@code text}; empty for empty text
     */
    public static List<Segment> segments(String text, List<Finding> findings) {
        String source = text == null ? "" : text;
        int length = source.length();
        List<Finding> spans = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (Finding f : findings) {
            int start = clip(f.start(), length);
            int end = clip(f.end(), length);
            if (start < end) {
                spans.add(f);
                cuts.add(start);
                cuts.add(end);
            }
        }
        spans.sort(Comparator.comparingInt((Finding f) -> clip(f.start(), length)));

        List<Segment> segments = new ArrayList<>();
        List<Finding> active = new ArrayList<>();
        int next = 0;
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            while (next < spans.size() && clip(spans.get(next).start(), length) <= from) {
                active.add(spans.get(next++));
            }
            int at = from;
            active.removeIf(f -> clip(f.end(), length) <= at);
            segments.add(new Segment(source.substring(from, to), active));
        }
        return segments;
    }

    private static int clip(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }
}
