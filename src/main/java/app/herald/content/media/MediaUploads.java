package app.herald.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import app.herald.platform.PlatformSpecs;

/**
 * Upload fields: what they show (templates read it as {@code inject:mediaUploads}: the size limit, or why uploads are
 * off) and the first checks of what they send.
 */
@ApplicationScoped
@Named("mediaUploads")
public class MediaUploads {

    @Inject
    MediaStorage storage;

    @Inject
    Ffmpeg ffmpeg;

    public long maxBytes() {
        return storage.maxBytes();
    }

    public String maxSizeText() {
        return PlatformSpecs.bytes(storage.maxBytes());
    }

    /** Whether the form's file field had a file in it. */
    public static boolean chosen(FileUpload file) {
        return file != null && file.fileName() != null && !file.fileName().isBlank();
    }

    /** The bytes of a chosen file Quarkus has streamed to disk; refuses an oversized one before anything is stored. */
    public InputStream open(FileUpload file) throws IOException {
        if (file.size() > storage.maxBytes()) {
            throw new MediaRejectedException("The file is larger than the " + maxSizeText() + " upload limit.");
        }
        return Files.newInputStream(file.uploadedFile());
    }

    /** Why videos cannot be uploaded or converted on this server, or null when they can. */
    public String unavailable() {
        return ffmpeg.problem().orElse(null);
    }
}
