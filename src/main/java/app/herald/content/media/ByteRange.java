package app.herald.content.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a file an HTTP {@code Range} header asks for (RFC 9110 §14), which video players use to
 * seek.
 *
 * @param first offset of the first byte sent
 * @param last  offset of the last byte sent (inclusive)
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)", Pattern.CASE_INSENSITIVE);

    /** No byte of the file lies in the asked-for range: the answer is 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range {@code header} asks for in a file of {@code size} bytes. Empty means "send the whole file": no header,
     * another unit, several ranges or a malformed one, all of which RFC 9110 lets a server ignore.
     */
    static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        Matcher range = header == null ? null : SINGLE.matcher(header.strip());
        if (range == null || !range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (range.group(1).isEmpty()) {
            // "-n": the last n bytes.
            long suffix = number(range.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = number(range.group(1));
        long last = range.group(2).isEmpty() ? Long.MAX_VALUE : number(range.group(2));
        if (last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    /** Digits as a number; more than a long holds is as good as infinite for a file offset. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
