package app.herald.platform;

import java.nio.charset.StandardCharsets;

/** A text length limit counted the way the platform counts it. */
public record TextLimit(int max, Unit unit) {

    /** How a platform measures text length. */
    public enum Unit {
        /** Unicode code points: an emoji is one. */
        CHARACTERS("characters"),
        /** UTF-8 bytes: "é" is two, most emoji four. */
        UTF8_BYTES("bytes (UTF-8)"),
        /** UTF-16 code units: most emoji are two. */
        UTF16_UNITS("UTF-16 units");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The length of {@code text} in this limit's unit. */
    public int measure(String text) {
        if (text == null) {
            return 0;
        }
        return switch (unit) {
            case CHARACTERS -> text.codePointCount(0, text.length());
            case UTF8_BYTES -> text.getBytes(StandardCharsets.UTF_8).length;
            case UTF16_UNITS -> text.length();
        };
    }

    public boolean exceededBy(String text) {
        return measure(text) > max;
    }
}
