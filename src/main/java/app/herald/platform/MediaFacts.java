package app.herald.platform;

import java.util.Locale;

/**
 * What ffprobe found in a video, as the platform checks need it. Width and height are as stored; rotation (0, 90,
 * 180 or 270, from the display matrix or the rotate tag) says how players turn it, so 90 and 270 swap the display
 * dimensions.
 *
 * @param container       mp4, mov, webm, mkv or ffprobe's own format name
 * @param durationSeconds playing time
 * @param frameRate       average frames per second
 * @param bitRate         overall bits per second (0 when unknown)
 * @param audioCodec      null when the file has no sound
 */
public record MediaFacts(String container, double durationSeconds, int width, int height, int rotation,
        String videoCodec, String audioCodec, double frameRate, long bitRate) {

    public int displayWidth() {
        return quarterTurn() ? height : width;
    }

    public int displayHeight() {
        return quarterTurn() ? width : height;
    }

    private boolean quarterTurn() {
        return rotation == 90 || rotation == 270;
    }

    /** The display aspect ratio in lowest terms, e.g. {@code 9:16}. */
    public String aspectRatio() {
        int divisor = gcd(displayWidth(), displayHeight());
        return divisor == 0 ? "?" : displayWidth() / divisor + ":" + displayHeight() / divisor;
    }

    /** Whether the picture already is what every platform recommends: 1080 × 1920 (9:16). */
    public boolean isVertical1080p() {
        return displayWidth() == 1080 && displayHeight() == 1920;
    }

    public String dimensions() {
        return displayWidth() + "×" + displayHeight();
    }

    public String durationText() {
        return decimal(durationSeconds);
    }

    public String frameRateText() {
        return decimal(frameRate);
    }

    /** A number as people write it: whole when whole, else with one decimal. */
    static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
