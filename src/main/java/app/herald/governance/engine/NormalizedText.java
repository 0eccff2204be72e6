package app.herald.governance.engine;

import java.util.Arrays;

/**
 * Token view of a text that ignores case, accents, compatibility forms and punctuation, built once per
 * field. Every normalised character keeps the original UTF-16 span of the code point it came from, so
 * a match on tokens maps back to an exact substring of the original.
 */
final class NormalizedText {

    private final int[] originalStart;
    private final int[] originalEnd;
    private final int[] tokenStart;
    private final int[] tokenEnd;
    /** Original index of a '#' written directly before the token, or -1. */
    private final int[] hashAt;
    private final String[] tokens;

    private NormalizedText(Builder b) {
        originalStart = b.originalStart;
        originalEnd = b.originalEnd;
        tokenStart = Arrays.copyOf(b.tokenStart, b.tokenCount);
        tokenEnd = Arrays.copyOf(b.tokenEnd, b.tokenCount);
        hashAt = Arrays.copyOf(b.hashAt, b.tokenCount);
        tokens = new String[b.tokenCount];
        for (int t = 0; t < tokens.length; t++) {
            tokens[t] = new String(b.chars, tokenStart[t], tokenEnd[t] - tokenStart[t]);
        }
    }

    static NormalizedText of(String text) {
        Builder b = new Builder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII dominates real captions; it needs no fold-cache lookup.
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    b.word(c, i, i + 1);
                } else if (c >= 'A' && c <= 'Z') {
                    b.word(c + ('a' - 'A'), i, i + 1);
                } else if (c == '#') {
                    b.hash(i);
                } else {
                    b.separator();
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            Folding.Folded folded = Folding.of(cp);
            if (folded.attachesToPrevious) {
                b.attachMark(i, next);
            }
            for (int k = 0; k < folded.codePoints.length; k++) {
                switch (folded.classes[k]) {
                    case Folding.WORD -> b.word(folded.codePoints[k], i, next);
                    case Folding.STANDALONE -> b.standalone(folded.codePoints[k], i, next);
                    case Folding.HASH -> b.hash(i);
                    default -> b.separator();
                }
            }
            i = next;
        }
        return b.build();
    }

    int tokenCount() {
        return tokens.length;
    }

    String token(int t) {
        return tokens[t];
    }

    boolean isHashed(int t) {
        return hashAt[t] >= 0;
    }

    /** Original start of token {@code t}, or of the '#' before it when {@code includeHash}. */
    int originalStart(int t, boolean includeHash) {
        return includeHash && hashAt[t] >= 0 ? hashAt[t] : originalStart[tokenStart[t]];
    }

    /** Original end (exclusive) of token {@code t}. */
    int originalEnd(int t) {
        return originalEnd[tokenEnd[t] - 1];
    }

    /** Accumulates normalised characters and token boundaries; arrays grow because folding can expand text. */
    private static final class Builder {
        private char[] chars;
        private int[] originalStart;
        private int[] originalEnd;
        private int length;
        private int[] tokenStart = new int[16];
        private int[] tokenEnd = new int[16];
        private int[] hashAt = new int[16];
        private int tokenCount;
        private boolean inToken;
        private int pendingHash = -1;

        Builder(int capacity) {
            chars = new char[Math.max(16, capacity)];
            originalStart = new int[chars.length];
            originalEnd = new int[chars.length];
        }

        void word(int cp, int start, int end) {
            if (!inToken) {
                openToken();
            }
            emit(cp, start, end);
        }

        void standalone(int cp, int start, int end) {
            closeToken();
            openToken();
            emit(cp, start, end);
            closeToken();
        }

        void hash(int at) {
            closeToken();
            pendingHash = at;
        }

        void separator() {
            closeToken();
            pendingHash = -1;
        }

        /** Widens the previous letter over a following accent so highlights never cut a grapheme. */
        void attachMark(int markStart, int markEnd) {
            if (length > 0 && originalEnd[length - 1] == markStart) {
                originalEnd[length - 1] = markEnd;
            }
        }

        private void openToken() {
            if (tokenCount == tokenStart.length) {
                int grown = tokenCount * 2;
                tokenStart = Arrays.copyOf(tokenStart, grown);
                tokenEnd = Arrays.copyOf(tokenEnd, grown);
                hashAt = Arrays.copyOf(hashAt, grown);
            }
            tokenStart[tokenCount] = length;
            hashAt[tokenCount] = pendingHash;
            pendingHash = -1;
            inToken = true;
        }

        private void closeToken() {
            if (inToken) {
                tokenEnd[tokenCount++] = length;
                inToken = false;
            }
        }

        private void emit(int cp, int start, int end) {
            if (length + 2 > chars.length) {
                int grown = chars.length * 2;
                chars = Arrays.copyOf(chars, grown);
                originalStart = Arrays.copyOf(originalStart, grown);
                originalEnd = Arrays.copyOf(originalEnd, grown);
            }
            length += Character.toChars(cp, chars, length);
            for (int k = length - Character.charCount(cp); k < length; k++) {
                originalStart[k] = start;
                originalEnd[k] = end;
            }
        }

        NormalizedText build() {
            closeToken();
            return new NormalizedText(this);
        }
    }
}
