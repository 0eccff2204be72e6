package app.herald.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A post's cover frame: the moment of its video the platform shows as the post's cover (thumbnail), in whole
 * milliseconds, as typed in seconds ("1.5") and shown back the same way.
 */
public record CoverFrame(int millis) {

    public CoverFrame {
        if (millis < 0) {
            throw new IllegalArgumentException("A cover frame lies within the video, not " + millis + " ms before it.");
        }
    }

    /**
     * Seconds as people type them ("1.5", "1,5", "2"), rounded to the millisecond; empty when the text is not a
     * number, negative, or too large to be a video's second.
     */
    public static Optional<CoverFrame> parse(String seconds) {
        try {
            BigDecimal value = new BigDecimal(seconds.strip().replace(',', '.'));
            long millis = value.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return millis < 0 || millis > Integer.MAX_VALUE ? Optional.empty() : Optional.of(new CoverFrame((int) millis));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The frame of {@code millis}, or null when there is none (the platform's own choice). */
    public static CoverFrame ofNullable(Integer millis) {
        return millis == null ? null : new CoverFrame(millis);
    }

    public double seconds() {
        return millis / 1000.0;
    }

    /** Whether a video lasting {@code durationSeconds} has this frame (from 0 to just before its end). */
    public boolean within(double durationSeconds) {
        return seconds() < durationSeconds;
    }

    /** The second as typed back: "1.5", "2", "0.04". */
    public String secondsText() {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** "Cover frame at 1.5 s". */
    public String label() {
        return "Cover frame at " + secondsText() + " s";
    }
}
