package app.herald.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import app.herald.platform.MediaFacts;
import app.herald.platform.PlatformSpecs;
import io.quarkus.logging.Log;

/**
 * The media folder: streams a video in while hashing it, checks it with ffprobe and keeps one file per SHA-256
 * ({@code <sha[0..2]>/<sha>.<container>}). Whatever is refused leaves nothing behind. Putting a file in and recording
 * it, and forgetting a row and deleting its file, each happen under that SHA-256's lock, so a file is never deleted
 * while another upload of the same bytes is being recorded.
 */
public class MediaStorage {

    private static final int BUFFER = 1 << 20;

    private final ReentrantLock[] locks = new ReentrantLock[64];

    private final Path dir;
    private final long maxBytes;
    private final Ffmpeg ffmpeg;

    public MediaStorage(Path dir, long maxBytes, Ffmpeg ffmpeg) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.ffmpeg = ffmpeg;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * A video in the store.
     *
     * @param storedName path relative to the media folder
     * @param added      whether this call put the file there (false: the same bytes were stored before)
     */
    public record Stored(String sha256, String storedName, long sizeBytes, MediaFacts facts, boolean added) {
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path resolve(String storedName) {
        return dir.resolve(storedName);
    }

    /** A folder under the media folder for work in progress (renditions, thumbnails), created when missing. */
    public Path workDir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    /**
     * Streams {@code upload} into the store and lets {@code keep} record it, or refuses it (ffmpeg unavailable, too
     * large, empty, not an accepted video, write error). When {@code keep} throws, a file this call added is removed.
     */
    public <T> T store(InputStream upload, Function<Stored, T> keep) {
        Optional<String> unavailable = ffmpeg.problem();
        if (unavailable.isPresent()) {
            throw new MediaRejectedException("Herald cannot check videos on this server, so nothing was kept: "
                    + unavailable.get() + ". Ask an admin.");
        }
        Path incoming;
        try {
            incoming = Files.createTempFile(workDir("incoming"), "upload-", ".part");
        } catch (IOException | SecurityException e) {
            throw writeFailure(e);
        }
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(incoming)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = upload.read(buffer); read >= 0; read = upload.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw new MediaRejectedException("The file is larger than the " + PlatformSpecs.bytes(maxBytes)
                                + " upload limit.");
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new MediaRejectedException("The file is empty. Choose a video file.");
            }
            return place(incoming, HexFormat.of().formatHex(digest.digest()), size, keep);
        } catch (IOException e) {
            throw writeFailure(e);
        } finally {
            deleteQuietly(incoming);
        }
    }

    /** Moves a file Herald made (a rendition) into the store after hashing and probing it, and lets {@code keep} record it. */
    public <T> T adopt(Path file, Function<Stored, T> keep) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return place(file, HexFormat.of().formatHex(digest.digest()), Files.size(file), keep);
    }

    /**
     * Deletes the stored file {@code unrecord} names, if it names one: it runs under the file's lock and forgets
     * the row (in its own transaction) only when nothing refers to it any more.
     */
    public void remove(String sha256, Supplier<Optional<String>> unrecord) {
        ReentrantLock lock = lock(sha256);
        lock.lock();
        try {
            unrecord.get().ifPresent(storedName -> deleteQuietly(resolve(storedName)));
        } finally {
            lock.unlock();
        }
    }

    private <T> T place(Path file, String sha256, long size, Function<Stored, T> keep) throws IOException {
        MediaFacts facts = MediaProbe.facts(ffmpeg.probe(file));
        String storedName = sha256.substring(0, 2) + "/" + sha256 + "." + facts.container();
        Path target = resolve(storedName);
        ReentrantLock lock = lock(sha256);
        lock.lock();
        try {
            boolean added = !Files.exists(target);
            if (added) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file, target);
                }
            }
            try {
                return keep.apply(new Stored(sha256, storedName, size, facts, added));
            } catch (RuntimeException e) {
                if (added) {
                    deleteQuietly(target);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(String sha256) {
        return locks[HexFormat.fromHexDigits(sha256, 0, 2) % locks.length];
    }

    private MediaRejectedException writeFailure(Exception e) {
        Log.errorf(e, "Could not write an upload into the media folder %s", dir);
        return new MediaRejectedException("Herald could not save the video: the disk may be full or the media folder"
                + " not writable. Nothing was kept; try again later or ask an admin.");
    }

    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            Log.warnf(e, "Could not delete %s", file);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
