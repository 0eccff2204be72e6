package app.herald.governance.engine;

import java.util.List;

import app.herald.platform.Platform;

/**
 * Working state for checking one field. The normalised view, hashtags and links are each computed at
 * most once, and only when some rule asks for them, so a field no term rule applies to is never tokenised.
 */
final class FieldContext {

    final Platform platform;
    final String field;
    final String text;
    private final TermDictionary dictionary;
    private List<TermDictionary.Hit>[] hits;
    private List<Hashtags.Hashtag> hashtags;
    private List<Links.Link> links;
    private String caseFolded;

    FieldContext(Platform platform, String field, String text, TermDictionary dictionary) {
        this.platform = platform;
        this.field = field;
        this.text = text;
        this.dictionary = dictionary;
    }

    /** Phrase occurrences owned by the check at {@code checkIndex}, in text order. */
    List<TermDictionary.Hit> hits(int checkIndex) {
        if (hits == null) {
            hits = dictionary.scan(NormalizedText.of(text));
        }
        List<TermDictionary.Hit> own = hits[checkIndex];
        return own == null ? List.of() : own;
    }

    List<Hashtags.Hashtag> hashtags() {
        if (hashtags == null) {
            hashtags = Hashtags.find(text);
        }
        return hashtags;
    }

    /** Whether the text contains {@code literal}, optionally ignoring case as {@link #caseFold} does. */
    boolean contains(String literal, boolean caseInsensitive) {
        if (!caseInsensitive) {
            return text.contains(literal);
        }
        if (caseFolded == null) {
            caseFolded = caseFold(text);
        }
        return caseFolded.contains(caseFold(literal));
    }

    /**
     * Per code point, so lengths and adjacency hold; code points RE2/J treats as the same letter ignoring case
     * always fold alike (a test checks every code point), so a literal absent here cannot match there.
     */
    static String caseFold(String s) {
        StringBuilder folded = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                folded.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
            } else {
                folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            }
        }
        return folded.toString();
    }

    List<Links.Link> links() {
        if (links == null) {
            links = Links.find(text);
        }
        return links;
    }
}
