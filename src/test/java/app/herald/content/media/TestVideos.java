package app.herald.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small real clips made with the bundled ffmpeg on first use (under {@code target/test-videos}), and broken files. */
public final class TestVideos {

    private static final Path DIR = Path.of("target", "test-videos").toAbsolutePath();
    private static Ffmpeg ffmpeg;

    private TestVideos() {
    }

    static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = Ffmpeg.bundled();
        }
        return ffmpeg;
    }

    /** 4 s, 1080×1920 at 30 fps, H.264 + AAC in MP4: meets every platform's spec. */
    public static Path vertical() {
        return make("vertical-1080x1920.mp4", "-f", "lavfi", "-i", "testsrc=size=1080x1920:rate=30", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "4", "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** 4 s, 1280×720 at 30 fps: landscape 16:9. */
    public static Path landscape() {
        return make("landscape-1280x720.mp4", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "4", "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** 91 s, 540×960 at 24 fps of a still colour: one second too long for Reels, tiny to store. */
    public static Path tooLongForReels() {
        return make("reels-91s-540x960.mp4", "-f", "lavfi", "-i", "color=c=0x2a6f4e:size=540x960:rate=24", "-t", "91",
                "-c:v", "libopenh264", "-pix_fmt", "yuv420p");
    }

    /** 2 s, 540×960 VP9 in WebM. */
    public static Path webm() {
        return make("vertical-540x960.webm", "-f", "lavfi", "-i", "testsrc=size=540x960:rate=30", "-t", "2", "-c:v",
                "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");
    }

    /** 1 s, 320×240 MPEG-4 in AVI: a real video in a container the platforms do not take. */
    public static Path avi() {
        return make("clip.avi", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "1", "-c:v", "mpeg4");
    }

    /** One 64×64 JPEG frame. */
    public static Path jpeg() {
        return make("frame.jpg", "-f", "lavfi", "-i", "testsrc=size=64x64", "-frames:v", "1", "-update", "1");
    }

    /**
     * A copy of {@code clip} with bytes no other file has (a unique comment tag, streams copied), for tests that
     * watch files come and go: the store keeps one file per SHA-256, which other tests' uploads would share.
     */
    public static Path unique(Path clip) {
        String name = "unique-" + java.util.UUID.randomUUID() + clip.getFileName().toString().substring(
                clip.getFileName().toString().lastIndexOf('.'));
        return make(name, "-i", clip.toString(), "-c", "copy", "-metadata", "comment=" + name);
    }

    /** 2 s of sound only, AAC in MP4. */
    public static Path audioOnly() {
        return make("audio-only.m4a", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "2", "-c:a", "aac");
    }

    /** The first half of the landscape MP4: its index (written last) is missing. */
    public static Path truncated() {
        return write("truncated.mp4", () -> {
            byte[] whole = Files.readAllBytes(landscape());
            return Arrays.copyOf(whole, whole.length / 2);
        });
    }

    /** Plain text with a video's extension. */
    public static Path textNamedMp4() {
        return write("notes.mp4", () -> "These are meeting notes, not a video.\n".getBytes());
    }

    /** 9 MB of noise: over the test profile's 8 MB upload limit, under its 16 MB body limit. */
    public static Path tooBig() {
        return write("too-big.mp4", () -> {
            byte[] noise = new byte[9 << 20];
            new java.util.Random(42).nextBytes(noise);
            return noise;
        });
    }

    public static Path empty() {
        return write("empty.mp4", () -> new byte[0]);
    }

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private static synchronized Path write(String name, Bytes bytes) {
        Path file = DIR.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.write(file, bytes.get());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path make(String name, String... arguments) {
        Path file = DIR.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path partial = DIR.resolve(name + ".part." + name.substring(name.lastIndexOf('.') + 1));
        List<String> command = new ArrayList<>(Arrays.asList(arguments));
        command.add(partial.toString());
        Ffmpeg.Result result = ffmpeg().ffmpeg(command, Duration.ofMinutes(3));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("ffmpeg could not make " + name + ": " + result.errors());
        }
        try {
            return Files.move(partial, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
