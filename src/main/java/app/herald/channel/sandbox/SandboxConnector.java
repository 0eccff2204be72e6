package app.herald.channel.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.channel.ChannelRef;
import app.herald.channel.Connector;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.MetricsBatch;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.RemoteStatus;
import app.herald.channel.SandboxFailureMode;
import app.herald.channel.VideoMetrics;
import app.herald.system.HeraldConfig;

/**
 * The Sandbox platform, for real against local storage ({@code <data dir>/sandbox}): an upload session taking chunked
 * bytes, a processing phase, a video id and a local watch URL, cumulative metrics, and the channel's failure mode
 * played out so every dispatch path can be walked without a platform.
 */
@ApplicationScoped
public class SandboxConnector implements Connector {

    private static final String PART = "upload.part";
    private static final String META = "meta.properties";

    private final Path root;
    private final Duration processingDelay;
    private final int chunkSize;

    @Inject
    public SandboxConnector(HeraldConfig config) {
        this(config.dataDir().resolve("sandbox"), config.sandbox().processingDelay(), config.sandbox().chunkSize());
    }

    SandboxConnector(Path root, Duration processingDelay, int chunkSize) {
        this.root = root;
        this.processingDelay = processingDelay;
        this.chunkSize = chunkSize;
    }

    @Override
    public boolean serves(ChannelRef channel) {
        return channel.sandbox();
    }

    @Override
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public PlatformHandle start(PublishRequest request) throws ConnectorFailure {
        ChannelRef channel = request.channel();
        switch (channel.failureMode()) {
            case RATE_LIMITED -> {
                Instant until = rateLimitedUntil(channel);
                if (Instant.now().isBefore(until)) {
                    throw new ConnectorFailure(FailureClass.RATE_LIMITED, 429, "rate_limit_exceeded",
                            "Sandbox: too many posts on this channel; try again after " + until + ".", until);
                }
            }
            case EXPIRED_TOKEN -> {
                if (!Files.exists(channelDir(channel).resolve("token-refreshed"))) {
                    throw new ConnectorFailure(FailureClass.AUTH, 401, "access_token_expired", "Sandbox: the access token has expired.");
                }
            }
            case REVOKED_TOKEN -> throw new ConnectorFailure(FailureClass.AUTH, 401, "access_token_invalid",
                    "Sandbox: the account revoked Herald's access.");
            default -> {
            }
        }
        String session = "sess-" + UUID.randomUUID();
        Path dir = root.resolve("sessions").resolve(session);
        Properties meta = new Properties();
        meta.setProperty("marker", request.marker());
        meta.setProperty("channel", String.valueOf(channel.id()));
        meta.setProperty("size", String.valueOf(request.size()));
        meta.setProperty("title", request.title());
        meta.setProperty("type", request.mimeType());
        try {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(PART));
            write(dir.resolve(META), meta);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        return new PlatformHandle(session, 0, null);
    }

    @Override
    public PlatformHandle send(PublishRequest request, PlatformHandle handle, byte[] chunk) throws ConnectorFailure {
        Path dir = session(handle);
        ChannelRef channel = request.channel();
        if (channel.failureMode() == SandboxFailureMode.SERVER_ERROR_ONCE && once(request, "server-error")) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 503, "backend_error", "Sandbox: the server had a problem (503).");
        }
        boolean last = handle.offset() + chunk.length >= request.size();
        if (last && channel.failureMode() == SandboxFailureMode.LOST_FINAL_CHUNK && once(request, "lost-chunk")) {
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "timeout",
                    "Sandbox: no answer to the final chunk (it never arrived).");
        }
        try {
            long held = Files.size(dir.resolve(PART));
            if (held != handle.offset()) {
                throw new ConnectorFailure(FailureClass.INVALID, 416, "offset_mismatch",
                        "Sandbox: the session holds " + held + " bytes, not " + handle.offset() + ".");
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(PART), StandardOpenOption.APPEND)) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        return handle.atOffset(handle.offset() + chunk.length);
    }

    @Override
    public PlatformHandle finish(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        Path dir = session(handle);
        String videoId = "sbx-" + handle.uploadRef().substring("sess-".length());
        Path video = root.resolve("videos").resolve(videoId);
        try {
            long held = Files.size(dir.resolve(PART));
            if (held != request.size()) {
                throw new ConnectorFailure(FailureClass.INVALID, 400, "incomplete_upload",
                        "Sandbox: the session holds " + held + " of " + request.size() + " bytes.");
            }
            Properties meta = read(dir.resolve(META));
            meta.setProperty("video", videoId);
            meta.setProperty("finishedAt", Instant.now().toString());
            Files.createDirectories(video);
            Files.move(dir.resolve(PART), video.resolve("video"), StandardCopyOption.ATOMIC_MOVE);
            write(video.resolve(META), meta);
            write(dir.resolve(META), meta);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        if (request.channel().failureMode() == SandboxFailureMode.TIMEOUT_AFTER_FINAL_BYTES && once(request, "timeout")) {
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "timeout",
                    "Sandbox: no answer after the final bytes (the post went through).");
        }
        return handle.withVideo(videoId);
    }

    /** Records the cover frame with the Sandbox video, as a platform would keep it, so demos show it was set. */
    @Override
    public String setCover(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        Path meta = root.resolve("videos").resolve(handle.videoId()).resolve(META);
        if (!Files.exists(meta)) {
            throw new ConnectorFailure(FailureClass.INVALID, 404, "video_not_found", "Sandbox: no video " + handle.videoId()
                    + " to set a cover on.");
        }
        Properties properties = read(meta);
        properties.setProperty("coverMs", String.valueOf(request.cover().millis()));
        try {
            write(meta, properties);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        return "Sandbox recorded the frame at " + request.cover().secondsText() + " s as the cover of " + handle.videoId()
                + ".";
    }

    @Override
    public RemoteStatus status(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        if (handle.uploadRef() == null) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "No upload session.");
        }
        Path dir = root.resolve("sessions").resolve(handle.uploadRef());
        if (!Files.isDirectory(dir)) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "Sandbox: no such upload session.");
        }
        Properties meta = read(dir.resolve(META));
        String videoId = meta.getProperty("video");
        if (videoId == null) {
            long held = size(dir.resolve(PART));
            return new RemoteStatus(RemoteStatus.State.UPLOADING, held, null, null, null);
        }
        return videoStatus(request.channel(), videoId, meta);
    }

    @Override
    public Optional<RemoteStatus> lookup(PublishRequest request) throws ConnectorFailure {
        Path videos = root.resolve("videos");
        if (!Files.isDirectory(videos)) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(videos)) {
            for (Path video : all.toList()) {
                Properties meta = read(video.resolve(META));
                if (request.marker().equals(meta.getProperty("marker"))) {
                    return Optional.of(videoStatus(request.channel(), video.getFileName().toString(), meta));
                }
            }
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Counters of the Sandbox videos named; an id with no video stored is absent, as on a platform. */
    @Override
    public MetricsBatch metrics(ChannelRef channel, List<String> videoIds) {
        Instant now = Instant.now();
        Map<String, VideoMetrics> found = new LinkedHashMap<>();
        for (String videoId : videoIds) {
            Path meta = root.resolve("videos").resolve(videoId).resolve(META);
            if (watchable(videoId).isPresent() && Files.exists(meta)) {
                found.put(videoId, SandboxMetrics.at(channel.platform(), videoId,
                        Instant.parse(read(meta).getProperty("finishedAt")), now));
            }
        }
        return new MetricsBatch(found, List.of());
    }

    @Override
    public boolean refresh(ChannelRef channel) throws ConnectorFailure {
        if (channel.failureMode() == SandboxFailureMode.REVOKED_TOKEN) {
            return false;
        }
        try {
            Files.createDirectories(channelDir(channel));
            Files.writeString(channelDir(channel).resolve("token-refreshed"), Instant.now().toString());
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
        return true;
    }

    /** The videos published to the Sandbox for {@code marker}: a test's proof of "exactly once". */
    public List<String> videosFor(String marker) {
        Path videos = root.resolve("videos");
        if (!Files.isDirectory(videos)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(videos)) {
            return all.filter(video -> marker.equals(read(video.resolve(META)).getProperty("marker")))
                    .map(video -> video.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Sandbox video as its watch URL serves it: the stored bytes, their type, and the channel it was posted to. */
    public record Watchable(Path file, String mimeType, long channelId) {
    }

    public Optional<Watchable> watchable(String videoId) {
        if (!videoId.matches("sbx-[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        Path dir = root.resolve("videos").resolve(videoId);
        if (!Files.isRegularFile(dir.resolve("video"))) {
            return Optional.empty();
        }
        Properties meta = read(dir.resolve(META));
        return Optional.of(new Watchable(dir.resolve("video"), meta.getProperty("type", "video/mp4"),
                Long.parseLong(meta.getProperty("channel"))));
    }

    private RemoteStatus videoStatus(ChannelRef channel, String videoId, Properties meta) {
        Instant finished = Instant.parse(meta.getProperty("finishedAt"));
        long size = Long.parseLong(meta.getProperty("size"));
        if (Instant.now().isBefore(finished.plus(processingDelay))) {
            return new RemoteStatus(RemoteStatus.State.PROCESSING, size, videoId, null, null);
        }
        if (channel.failureMode() == SandboxFailureMode.PROCESSING_FAILURE) {
            return new RemoteStatus(RemoteStatus.State.FAILED, size, videoId, null,
                    "Sandbox: the video could not be processed (failure mode of this channel).");
        }
        return new RemoteStatus(RemoteStatus.State.PUBLISHED, size, videoId, "/sandbox/videos/" + videoId, null);
    }

    private Instant rateLimitedUntil(ChannelRef channel) throws ConnectorFailure {
        Path file = channelDir(channel).resolve("rate-limited-until");
        try {
            Files.createDirectories(file.getParent());
            try {
                Instant until = Instant.now().plus(Duration.ofMinutes(channel.failureMinutes()));
                Files.writeString(file, until.toString(), StandardOpenOption.CREATE_NEW);
                return until;
            } catch (FileAlreadyExistsException e) {
                return Instant.parse(Files.readString(file).trim());
            }
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
    }

    /** True the first time it is asked for this publication and failure, false after. */
    private boolean once(PublishRequest request, String failure) throws ConnectorFailure {
        Path flag = root.resolve("failed-once").resolve(request.marker() + "." + failure);
        try {
            Files.createDirectories(flag.getParent());
            Files.createFile(flag);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 500, "storage", "Sandbox storage: " + e.getMessage());
        }
    }

    private Path session(PlatformHandle handle) throws ConnectorFailure {
        Path dir = root.resolve("sessions").resolve(handle.uploadRef());
        if (!Files.isDirectory(dir)) {
            throw new ConnectorFailure(FailureClass.INVALID, 404, "session_not_found", "Sandbox: the upload session is gone.");
        }
        return dir;
    }

    private Path channelDir(ChannelRef channel) {
        return root.resolve("channels").resolve(channel.key());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** Written aside and moved into place, so a reader never sees half a file. */
    private static void write(Path file, Properties properties) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, null);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
