package app.herald.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the 409 page of a stale form says (tag {@code changedMeanwhile}): what changed meanwhile, and the values the
 * user typed that differ from the current version, so nothing they typed is lost.
 */
public record ChangedMeanwhile(String message, List<Typed> typed) {

    /** One field as the user typed it. */
    public record Typed(String label, String value) {
    }

    /**
     * Compares the posted form with the current version, both as label → value in form order. Line endings and
     * surrounding blanks do not count as a difference, and a field the user left empty has nothing to recover.
     */
    public static ChangedMeanwhile of(String message, Map<String, String> yours, Map<String, String> current) {
        List<Typed> typed = new ArrayList<>();
        yours.forEach((label, value) -> {
            String mine = normalized(value);
            if (!mine.isEmpty() && !mine.equals(normalized(current.get(label)))) {
                typed.add(new Typed(label, mine));
            }
        });
        return new ChangedMeanwhile(message, typed);
    }

    private static String normalized(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
