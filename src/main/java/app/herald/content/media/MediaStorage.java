package app.herald.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import app.herald.platform.MediaFacts;
import app.herald.platform.PlatformSpecs;
import io.quarkus.logging.Log;

/**
 * The media folder: streams a video in while hashing it, checks it with ffprobe and keeps one file per SHA-256
 * ({@code <sha[0..2]>/<sha>.<container>}). Whatever is refused leaves nothing behind.
 */
public class MediaStorage {

    private static final int BUFFER = 1 << 20;

    private final Path dir;
    private final long maxBytes;
    private final Ffmpeg ffmpeg;

    public MediaStorage(Path dir, long maxBytes, Ffmpeg ffmpeg) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.ffmpeg = ffmpeg;
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

    /** Streams {@code upload} into the store, or refuses it (too large, empty, not a video, write error). */
    public Stored store(InputStream upload) {
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
            return place(incoming, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw writeFailure(e);
        } finally {
            deleteQuietly(incoming);
        }
    }

    /** Moves a file Herald made (a rendition) into the store after hashing and probing it. */
    public Stored adopt(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return place(file, HexFormat.of().formatHex(digest.digest()), Files.size(file));
    }

    /** Removes a file this store added, e.g. when recording it in the database failed. */
    public void discard(Stored stored) {
        if (stored.added()) {
            deleteQuietly(resolve(stored.storedName()));
        }
    }

    private Stored place(Path file, String sha256, long size) throws IOException {
        MediaFacts facts = MediaProbe.facts(ffmpeg.probe(file));
        String storedName = sha256.substring(0, 2) + "/" + sha256 + "." + facts.container();
        Path target = resolve(storedName);
        if (Files.exists(target)) {
            return new Stored(sha256, storedName, size, facts, false);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        } catch (FileAlreadyExistsException e) {
            // The same bytes arrived concurrently; theirs is as good as ours.
            return new Stored(sha256, storedName, size, facts, false);
        }
        return new Stored(sha256, storedName, size, facts, true);
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
