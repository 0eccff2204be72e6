package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.List;

/** Finds hashtags in original text and gives them an accent- and case-insensitive comparison key. */
final class Hashtags {

    /** One hashtag occurrence; the span includes the '#'. */
    record Hashtag(int start, int end, String key) {
    }

    private Hashtags() {
    }

    /**
     * A hashtag is '#' followed by letters, digits, underscores (and the accents on them). A '#' glued to
     * a preceding word ("C#", "page#top") starts none, except right after another hashtag ("#a#b").
     */
    static List<Hashtag> find(String text) {
        List<Hashtag> found = new ArrayList<>();
        int previousEnd = -1;
        for (int at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
            boolean glued = at > 0 && at != previousEnd && isBodyChar(text.codePointBefore(at));
            int end = endOfBody(text, at + 1);
            if (!glued && end > at + 1) {
                found.add(new Hashtag(at, end, Folding.key(text.substring(at + 1, end))));
                previousEnd = end;
            }
        }
        return found;
    }

    /** Comparison key for a configured tag written with or without its '#'; empty if it is not a valid tag. */
    static String keyOf(String tag) {
        String body = tag.strip();
        if (body.startsWith("#")) {
            body = body.substring(1);
        }
        return !body.isEmpty() && endOfBody(body, 0) == body.length() ? Folding.key(body) : "";
    }

    private static int endOfBody(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isBodyChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isBodyChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
