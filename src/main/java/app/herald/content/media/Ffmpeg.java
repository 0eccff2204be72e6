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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.javacpp.Loader;

/**
 * Runs ffprobe and ffmpeg as processes, with time limits and only on local files of the accepted containers: either
 * the executables bundled in the {@code org.bytedeco:ffmpeg} artifact (extracted by JavaCPP, never loaded into the
 * JVM) or those in a configured folder. When they cannot run, {@link #problem()} says why.
 */
public class Ffmpeg {

    /**
     * The demuxers ffmpeg may use: the MP4/MOV family and Matroska/WebM, the containers the platforms take. Playlists,
     * manifests, concat lists and image sequences (HLS, DASH, concat, image2...) make ffmpeg open other files named
     * inside them, so they are never allowed.
     */
    static final String FORMAT_WHITELIST = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm";
    /** Only local files, named by Herald: no network, pipes or nested protocols (concat:, subfile:...). */
    static final String PROTOCOL_WHITELIST = "file";
    /** The dynamic linker's words when a shared library the executable needs is not installed. */
    private static final Pattern MISSING_LIBRARY = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    /** Debian/Ubuntu packages of the system libraries the bundled build links against. */
    private static final Map<String, String> LIBRARY_PACKAGES = Map.of("libpulse.so.0", "libpulse0", "libasound.so.2",
            "libasound2", "libxcb.so.1", "libxcb1", "libxcb-shm.so.0", "libxcb-shm0", "libstdc++.so.6", "libstdc++6");

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
    /** Why the executables cannot run; null until checked, empty when they run. */
    private Optional<String> problem;

    private Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment, Optional<String> problem) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.environment = environment;
        this.problem = problem;
    }

    /** The executables in {@code dir}. */
    public static Ffmpeg in(Path dir) {
        return new Ffmpeg(dir.resolve("ffmpeg"), dir.resolve("ffprobe"), Map.of(), null);
    }

    /**
     * The executables shipped in the {@code org.bytedeco:ffmpeg} artifact for this platform, extracted to JavaCPP's
     * cache. They are not loaded through JNI ({@code Loader.load} would fail the whole app with an
     * UnsatisfiedLinkError when a system library such as libpulse is missing); {@link #problem()} reports that instead.
     */
    public static Ffmpeg bundled() {
        String platform = Loader.getPlatform();
        File folder;
        try {
            folder = Loader.cacheResource("/org/bytedeco/ffmpeg/" + platform);
        } catch (IOException | RuntimeException e) {
            return unavailable("the bundled ffmpeg could not be extracted (" + e.getMessage() + ")");
        }
        if (folder == null || !new File(folder, "ffmpeg").isFile()) {
            return unavailable("Herald bundles ffmpeg for linux-x86_64 only, not " + platform);
        }
        Path dir = folder.toPath();
        for (String executable : List.of("ffmpeg", "ffprobe")) {
            dir.resolve(executable).toFile().setExecutable(true, true);
        }
        return new Ffmpeg(dir.resolve("ffmpeg"), dir.resolve("ffprobe"),
                Map.of("LD_LIBRARY_PATH", sonameLinks(dir).toString()), null);
    }

    private static Ffmpeg unavailable(String reason) {
        return new Ffmpeg(null, null, Map.of(), Optional.of(cannotRun(reason)));
    }

    private static String cannotRun(String reason) {
        return "ffmpeg cannot run: " + reason + "; set herald.media.ffmpeg-dir to a folder with working ffmpeg and ffprobe";
    }

    /**
     * Why ffmpeg or ffprobe cannot run here (e.g. "ffmpeg cannot run: libpulse.so.0 missing; install libpulse0 or set
     * herald.media.ffmpeg-dir"), or empty when both answer; checked once.
     */
    public synchronized Optional<String> problem() {
        if (problem == null) {
            problem = check(ffprobe).or(() -> check(ffmpeg));
        }
        return problem;
    }

    private Optional<String> check(Path executable) {
        String name = executable.getFileName().toString();
        if (!Files.isExecutable(executable)) {
            return Optional.of(cannotRun(executable + " is missing or not executable"));
        }
        Result version;
        try {
            version = run(List.of(executable.toString(), "-hide_banner", "-version"), PROBE_TIMEOUT);
        } catch (UncheckedIOException e) {
            return Optional.of(cannotRun(name + " could not be started (" + e.getCause().getMessage() + ")"));
        }
        return version.exitCode() == 0 ? Optional.empty() : Optional.of(diagnose(name, version));
    }

    /** The reason an executable failed to answer {@code -version}, naming the missing library and its package. */
    static String diagnose(String name, Result failed) {
        Matcher missing = MISSING_LIBRARY.matcher(failed.errors());
        if (missing.find()) {
            String library = missing.group(1);
            return "ffmpeg cannot run: " + library + " missing; install "
                    + LIBRARY_PACKAGES.getOrDefault(library, "the package that provides it") + " or set herald.media.ffmpeg-dir";
        }
        return cannotRun(name + " exited with status " + failed.exitCode()
                + (failed.errors().isBlank() ? "" : " (" + lastLines(failed.errors()) + ")"));
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

    /**
     * ffprobe's JSON description of {@code file} (format and streams), or the reason it could not read it. Only the
     * whitelisted demuxers may open it; anything else fails with "Format not on whitelist".
     */
    public Result probe(Path file) {
        List<String> command = new ArrayList<>(List.of(ffprobe.toString(), "-v", "error"));
        command.addAll(input(file, null));
        command.addAll(List.of("-print_format", "json", "-show_format", "-show_streams"));
        return run(command, PROBE_TIMEOUT);
    }

    /** The demuxer for a container Herald stored ({@code mp4}, {@code mov}, {@code webm}, {@code mkv}). */
    static String demuxer(String container) {
        return switch (container) {
            case "mp4", "mov" -> "mov";
            case "webm", "mkv" -> "matroska";
            default -> throw new IllegalArgumentException("Not an accepted container: " + container);
        };
    }

    /**
     * The input options of every call on a file: the protocol and format whitelists, the demuxer forced when the
     * container is known (a stored, already probed video), and the path as a {@code file:} URL so that no part of
     * it is read as another protocol.
     */
    private static List<String> input(Path file, String container) {
        List<String> options = new ArrayList<>(List.of("-protocol_whitelist", PROTOCOL_WHITELIST, "-format_whitelist",
                FORMAT_WHITELIST));
        if (container != null) {
            options.addAll(List.of("-f", demuxer(container)));
        }
        options.addAll(List.of("-i", fileUrl(file)));
        return options;
    }

    private static String fileUrl(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /**
     * Converts {@code source} (a stored video in {@code container}) to an H.264/AAC MP4 of 1080 × 1920, reporting
     * whole percents of {@code seconds} done as ffmpeg's progress output arrives.
     */
    public void fit(Path source, String container, Path target, Fit fit, double seconds, IntConsumer percent)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y"));
        command.addAll(input(source, container));
        command.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?", "-vf", fit.filter, "-c:v", h264Encoder(),
                "-b:v", "6M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
                "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", fileUrl(target)));
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

    /** Writes the frame at {@code second} of {@code source} (a video in {@code container}) as a JPEG. */
    public void thumbnail(Path source, String container, double second, Path target) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y",
                "-ss", String.format(Locale.ROOT, "%.3f", second)));
        command.addAll(input(source, container));
        command.addAll(List.of("-frames:v", "1", "-q:v", "3", "-update", "1", fileUrl(target)));
        Result result = run(command, PROBE_TIMEOUT);
        if (result.exitCode() != 0 || !Files.exists(target)) {
            throw new IOException("ffmpeg could not take a thumbnail: " + result.errors());
        }
    }

    /**
     * Runs ffmpeg itself with {@code arguments}, without the whitelists: only for the tests, which generate their clips
     * from ffmpeg's own sources ({@code lavfi}); never for uploaded files.
     */
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
