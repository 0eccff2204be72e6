package app.herald.governance.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accent, case and compatibility folding of single code points, cached because NFKD per character is
 * far slower than a table lookup. Shared by tokenisation and hashtag comparison so both fold alike.
 */
final class Folding {

    static final byte WORD = 0;
    /** Han and kana are written without spaces, so each character becomes its own token. */
    static final byte STANDALONE = 1;
    static final byte HASH = 2;
    static final byte SEPARATOR = 3;

    /** How one original code point folds: zero or more classified code points. */
    static final class Folded {
        final int[] codePoints;
        final byte[] classes;
        /** A combining mark that folded away; it still belongs to the preceding letter's span. */
        final boolean attachesToPrevious;

        private Folded(int[] codePoints, byte[] classes, boolean attachesToPrevious) {
            this.codePoints = codePoints;
            this.classes = classes;
            this.attachesToPrevious = attachesToPrevious;
        }
    }

    // Racy lazy fill is safe: Folded is immutable with final fields, and recomputing a slot is harmless.
    private static final Folded[] BMP = new Folded[0x10000];
    private static final ConcurrentHashMap<Integer, Folded> SUPPLEMENTARY = new ConcurrentHashMap<>();
    /** Keeps hostile input that cycles through the supplementary planes from growing the cache without end. */
    private static final int SUPPLEMENTARY_CACHE_LIMIT = 50_000;

    private Folding() {
    }

    static Folded of(int codePoint) {
        if (codePoint < BMP.length) {
            Folded folded = BMP[codePoint];
            if (folded == null) {
                folded = compute(codePoint);
                BMP[codePoint] = folded;
            }
            return folded;
        }
        Folded folded = SUPPLEMENTARY.get(codePoint);
        if (folded == null) {
            folded = compute(codePoint);
            if (SUPPLEMENTARY.size() < SUPPLEMENTARY_CACHE_LIMIT) {
                SUPPLEMENTARY.put(codePoint, folded);
            }
        }
        return folded;
    }

    /** Folded word characters and underscores of {@code s}; everything else is dropped. Used as a hashtag key. */
    static String key(CharSequence s) {
        StringBuilder key = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '_') {
                key.append('_');
                return;
            }
            Folded folded = of(cp);
            for (int k = 0; k < folded.codePoints.length; k++) {
                if (folded.classes[k] == WORD || folded.classes[k] == STANDALONE) {
                    key.appendCodePoint(folded.codePoints[k]);
                }
            }
        });
        return key.toString();
    }

    private static Folded compute(int codePoint) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        // Upper then lower is a cheap full case fold: "ß" -> "ss", final sigma -> sigma, dotless i -> i.
        int[] folded = decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).codePoints()
                .filter(cp -> !isInvisible(Character.getType(cp)))
                .toArray();
        byte[] classes = new byte[folded.length];
        for (int k = 0; k < folded.length; k++) {
            classes[k] = classify(folded[k]);
        }
        int type = Character.getType(codePoint);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
        return new Folded(folded, classes, folded.length == 0 && mark);
    }

    /**
     * Accents and format characters (zero-width space and joiners, bidi marks) are dropped rather than
     * treated as separators, so "fr\u200Bee" still reads as "free" and RTL marks do not split words.
     */
    private static boolean isInvisible(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    private static byte classify(int cp) {
        if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean unspaced = script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
            return unspaced ? STANDALONE : WORD;
        }
        return cp == '#' ? HASH : SEPARATOR;
    }
}
