package app.herald.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that holds each platform's spec, and the text checks against them. */
public final class PlatformSpecs {

    private static final long GB = 1024L * 1024 * 1024;
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");

    private static final Map<Platform, PlatformSpec> SPECS = new EnumMap<>(Map.of(
            // platform-apis.md §1.3 (Shorts: vertical or square, ≤ 180 s; title 100 chars, description 5000 bytes,
            // no < >; > 60 hashtags are all ignored), §1.7 (upload cap unpublished; 100 inserts/day/project).
            Platform.YOUTUBE_SHORTS, new PlatformSpec(Platform.YOUTUBE_SHORTS, 1, 180, true, 0, 0, 0, 0,
                    Set.of("mp4", "mov", "webm"), Set.of("h264", "hevc", "vp8", "vp9", "av1"), 256 * GB,
                    new TextLimit(100, TextLimit.Unit.CHARACTERS), new TextLimit(5000, TextLimit.Unit.UTF8_BYTES),
                    "<>", 60, Duration.ofMinutes(15), Duration.ofDays(365), 100),
            // §2.5: MP4/WebM/MOV, H.264/H.265/VP8/VP9, 23–60 fps, 360–4096 px, ≤ 10 min (per-creator maximum
            // may be lower), ≤ 4 GB, caption ≤ 2200 UTF-16 units, ~15 posts per creator per 24 h. The API cannot
            // schedule, so Herald holds the post; a 29-day horizon matches the other platforms.
            Platform.TIKTOK, new PlatformSpec(Platform.TIKTOK, 3, 600, false, 360, 360, 23, 60,
                    Set.of("mp4", "mov", "webm"), Set.of("h264", "hevc", "vp8", "vp9"), 4 * GB,
                    null, new TextLimit(2200, TextLimit.Unit.UTF16_UNITS), "", 0, Duration.ZERO, Duration.ofDays(29), 15),
            // §3.5: 9:16, min 540×960, 24–60 fps, 3–90 s, H.264/H.265 (VP9, AV1 accepted), 2 GB generic cap,
            // description limit undocumented (kept at 2200), scheduling 10 min – 29 days, 30 reels per Page per 24 h.
            Platform.FACEBOOK_REELS, new PlatformSpec(Platform.FACEBOOK_REELS, 3, 90, true, 540, 960, 24, 60,
                    Set.of("mp4", "mov"), Set.of("h264", "hevc", "vp9", "av1"), 2 * GB,
                    null, new TextLimit(2200, TextLimit.Unit.CHARACTERS), "", 0, Duration.ofMinutes(10),
                    Duration.ofDays(29), 30)));

    private PlatformSpecs() {
    }

    public static PlatformSpec of(Platform platform) {
        return SPECS.get(platform);
    }

    /** Text problems of one variant: over a limit, forbidden characters, too many hashtags. */
    public static List<SpecViolation> checkText(Platform platform, String title, String body) {
        PlatformSpec spec = of(platform);
        List<SpecViolation> violations = new ArrayList<>();
        if (spec.title() != null) {
            if (title == null || title.isBlank()) {
                violations.add(new SpecViolation(platform, "title", platform.label() + ": a title is required."));
            } else {
                checkLength(spec, "title", "Title", spec.title(), title, violations);
            }
        }
        checkLength(spec, "description", platform.textLabel(), spec.body(), body, violations);
        for (String text : new String[] { title, body }) {
            for (char forbidden : spec.forbiddenCharacters().toCharArray()) {
                if (text != null && text.indexOf(forbidden) >= 0) {
                    violations.add(new SpecViolation(platform, text == title ? "title" : "description", platform.label()
                            + ": '" + forbidden + "' is not allowed in the " + (text == title ? "title" : platform.textLabel().toLowerCase())
                            + "; remove it."));
                }
            }
        }
        int hashtags = countHashtags(title) + countHashtags(body);
        if (spec.maxHashtags() > 0 && hashtags > spec.maxHashtags()) {
            violations.add(new SpecViolation(platform, "description", platform.label() + ": " + hashtags
                    + " hashtags; with more than " + spec.maxHashtags() + " the platform ignores all of them."));
        }
        return violations;
    }

    /** Media problems for one platform: duration, orientation, resolution, frame rate, container, codec, size. */
    public static List<SpecViolation> checkMedia(Platform platform, MediaFacts media, long sizeBytes) {
        PlatformSpec spec = of(platform);
        String name = platform.label() + ": ";
        List<SpecViolation> violations = new ArrayList<>();
        // Rounded to a tenth as displayed, so a 90.04 s clip is not refused with "90 s" in the message.
        double seconds = Math.round(media.durationSeconds() * 10) / 10.0;
        if (seconds < spec.minSeconds() || seconds > spec.maxSeconds()) {
            violations.add(new SpecViolation(platform, "duration", name + "video is " + MediaFacts.decimal(seconds)
                    + " s; the platform allows " + spec.minSeconds() + "–" + spec.maxSeconds() + " s."));
        }
        if (spec.verticalOrSquare() && media.displayWidth() > media.displayHeight()) {
            violations.add(new SpecViolation(platform, "aspect", name + "video is landscape " + media.dimensions() + " ("
                    + media.aspectRatio() + "); the platform needs vertical 9:16 or square video."));
        }
        if (media.displayWidth() < spec.minWidth() || media.displayHeight() < spec.minHeight()) {
            violations.add(new SpecViolation(platform, "resolution", name + "video is " + media.dimensions()
                    + "; the minimum is " + spec.minWidth() + "×" + spec.minHeight() + "."));
        }
        if (spec.minFps() > 0 && (media.frameRate() < spec.minFps() - 0.01 || media.frameRate() > spec.maxFps() + 0.01)) {
            violations.add(new SpecViolation(platform, "frameRate", name + "frame rate is " + media.frameRateText()
                    + " fps; the platform allows " + spec.minFps() + "–" + spec.maxFps() + " fps."));
        }
        if (!spec.containers().contains(media.container())) {
            violations.add(new SpecViolation(platform, "container", name + "file format is " + media.container()
                    + "; accepted are " + String.join(", ", new TreeSet<>(spec.containers())) + "."));
        }
        if (!spec.videoCodecs().contains(media.videoCodec())) {
            violations.add(new SpecViolation(platform, "videoCodec", name + "video codec is " + media.videoCodec()
                    + "; accepted are " + String.join(", ", new TreeSet<>(spec.videoCodecs())) + "."));
        }
        if (sizeBytes > spec.maxBytes()) {
            violations.add(new SpecViolation(platform, "size", name + "file is " + bytes(sizeBytes) + "; the limit is "
                    + bytes(spec.maxBytes()) + "."));
        }
        return violations;
    }

    /** A byte count in the largest binary unit that keeps it at least 1, e.g. {@code 2 GB} or {@code 3.4 MB}. */
    public static String bytes(long count) {
        String[] units = { "bytes", "KB", "MB", "GB", "TB" };
        double value = count;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return MediaFacts.decimal(Math.round(value * 10) / 10.0) + " " + units[unit];
    }

    public static int countHashtags(String text) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = HASHTAG.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static void checkLength(PlatformSpec spec, String field, String label, TextLimit limit, String text,
            List<SpecViolation> violations) {
        if (limit.exceededBy(text)) {
            violations.add(new SpecViolation(spec.platform(), field, spec.platform().label() + ": " + label.toLowerCase()
                    + " is " + limit.measure(text) + " " + limit.unit().label() + "; the limit is " + limit.max() + " "
                    + limit.unit().label() + "."));
        }
    }
}
