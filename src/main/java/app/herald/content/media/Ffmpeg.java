package app.herald.content.media;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.bytedeco.javacpp.Loader;

/**
 * Runs ffprobe and ffmpeg as processes, with time limits: either the executables bundled in the
 * {@code org.bytedeco:ffmpeg} artifact (extracted by JavaCPP on first use) or those in a configured folder.
 */
public class Ffmpeg {

    /** How the picture is brought to 1080 × 1920: letterboxed or cut to fill. */
    public enum Fit {
        PAD("Pad (keep the whole picture, add bars)",
                "scale=1080:1920:force_original_aspect_ratio=decrease,pad=1080:1920:(ow-iw)/2:(oh-ih)/2,setsar=1"),
        CROP("Centre-crop (fill the frame, cut the sides)",
                "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1");

        private final String label;
        private final String filter;

        Fit(String label, String filter) {
            this.label = label;
            this.filter = filter;
        }

        public String label() {
            return label;
        }
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Long> TIMED_OUT = ConcurrentHashMap.newKeySet();

    private final Path ffmpeg;
    private final Path ffprobe;
    private final Map<String, String> environment;
    private String h264Encoder;

    private Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.environment = environment;
    }

    /** The executables in {@code dir}. */
    public static Ffmpeg in(Path dir) {
        return new Ffmpeg(dir.resolve("ffmpeg"), dir.resolve("ffprobe"), Map.of());
    }

    /** The executables shipped in the {@code org.bytedeco:ffmpeg} artifact for this platform. */
    public static Ffmpeg bundled() {
        Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        Path ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        return new Ffmpeg(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", sonameLinks(ffmpeg.getParent()).toString()));
    }

    /**
     * The 7.1.1-1.5.12 Linux build ships libva as {@code libva.so} and {@code libva-drm.so}, but the executables ask
     * the dynamic linker for their sonames {@code libva.so.2} and {@code libva-drm.so.2} (JavaCPP's own loading does
     * not notice: it preloads them by path). A private folder of links with those names, on the library path of
     * the processes Herald starts, lets them run without touching JavaCPP's cache.
     */
    private static Path sonameLinks(Path libraries) {
        try {
            Path links = Files.createTempDirectory("herald-ffmpeg-libs");
            links.toFile().deleteOnExit();
            for (String library : List.of("libva", "libva-drm")) {
                Path unversioned = libraries.resolve(library + ".so");
                if (Files.exists(unversioned) && !Files.exists(libraries.resolve(library + ".so.2"))) {
                    Path link = Files.createSymbolicLink(links.resolve(library + ".so.2"), unversioned);
                    link.toFile().deleteOnExit();
                }
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the bundled ffmpeg's library links", e);
        }
    }

    /** ffprobe's JSON description of {@code file} (format and streams), or the reason it could not read it. */
    public Result probe(Path file) {
        return run(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()), PROBE_TIMEOUT);
    }

    /**
     * Converts {@code source} to an H.264/AAC MP4 of 1080 × 1920, reporting whole percents of {@code seconds}
     * done as ffmpeg's progress output arrives.
     */
    public void fit(Path source, Path target, Fit fit, double seconds, IntConsumer percent) throws IOException {
        List<String> command = List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y", "-i",
                source.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf", fit.filter, "-c:v", h264Encoder(),
                "-b:v", "6M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
                "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", target.toString());
        // Generous: a slow shared host may encode far below real time.
        Duration timeout = Duration.ofSeconds(600 + (long) (seconds * 60));
        Path errors = Files.createTempFile("herald-ffmpeg", ".log");
        try {
            Process process = start(command, errors, timeout);
            int last = -1;
            try (BufferedReader progress = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = progress.readLine(); line != null; line = progress.readLine()) {
                    if (line.startsWith("out_time_us=") && seconds > 0) {
                        int done = percentOf(line.substring("out_time_us=".length()), seconds);
                        if (done > last) {
                            last = done;
                            percent.accept(done);
                        }
                    }
                }
            }
            finish(process, errors, "ffmpeg could not convert the video");
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Writes the frame at {@code second} of {@code source} as a JPEG. */
    public void thumbnail(Path source, double second, Path target) throws IOException {
        Result result = run(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y", "-ss",
                String.format(Locale.ROOT, "%.3f", second), "-i", source.toString(), "-frames:v", "1", "-q:v", "3",
                target.toString()), PROBE_TIMEOUT);
        if (result.exitCode() != 0 || !Files.exists(target)) {
            throw new IOException("ffmpeg could not take a thumbnail: " + result.errors());
        }
    }

    /** Runs ffmpeg itself with {@code arguments} (the tests generate their clips this way). */
    Result ffmpeg(List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y"));
        command.addAll(arguments);
        return run(command, timeout);
    }

    /** libx264 when this ffmpeg has it, else libopenh264 (the bundled build only has the latter). */
    synchronized String h264Encoder() {
        if (h264Encoder == null) {
            Result encoders = run(List.of(ffmpeg.toString(), "-hide_banner", "-encoders"), PROBE_TIMEOUT);
            h264Encoder = encoders.output().contains(" libx264 ") ? "libx264" : "libopenh264";
        }
        return h264Encoder;
    }

    private static int percentOf(String microseconds, double seconds) {
        try {
            // ffmpeg reports N/A before the first frame; the last report may overshoot the probed duration.
            return (int) Math.min(99, Math.max(0, Long.parseLong(microseconds) / 1e6 / seconds * 100));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What a short ffprobe/ffmpeg run printed. */
    public record Result(int exitCode, String output, String errors) {
    }

    private Result run(List<String> command, Duration timeout) {
        try {
            Path errors = Files.createTempFile("herald-ffmpeg", ".log");
            try {
                Process process = start(command, errors, timeout);
                // Read before waiting: a full pipe would block the process.
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                finish(process, errors, null);
                return new Result(process.exitValue(), output, Files.readString(errors).strip());
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        }
    }

    /** Starts the command with a watchdog that kills it after {@code timeout}, which also ends any pending read. */
    private Process start(List<String> command, Path errors, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                TIMED_OUT.add(process.pid());
                process.destroyForcibly();
            }
        });
        return process;
    }

    /** Waits for the process to end; with a {@code failure} text, a non-zero exit is an error too. */
    private static void finish(Process process, Path errors, String failure) throws IOException {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for ffmpeg", e);
        }
        if (TIMED_OUT.remove(process.pid())) {
            throw new IOException("ffmpeg took too long and was stopped");
        }
        if (failure != null && process.exitValue() != 0) {
            throw new IOException(failure + ": " + lastLines(Files.readString(errors)));
        }
    }

    private static String lastLines(String text) {
        String stripped = text.strip();
        return stripped.length() > 300 ? "…" + stripped.substring(stripped.length() - 300) : stripped;
    }
}
