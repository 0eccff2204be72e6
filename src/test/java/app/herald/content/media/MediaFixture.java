package app.herald.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

import app.herald.content.ContentItem;
import app.herald.web.WebSession;

/** Uploads videos through the content page's form and reads back what the media folder and table hold. */
public final class MediaFixture {

    static final Path MEDIA_DIR = Path.of("target", "test-data", "media").toAbsolutePath();

    private MediaFixture() {
    }

    /**
     * Posts {@code file} as {@code fileName} as the content page's upload form does, with the session's CSRF token
     * (read from the home page, so a user who may not open the content page still sends a valid one).
     */
    public static Response upload(WebSession session, long contentId, Path file, String fileName) {
        try {
            return session.request().multiPart("csrf-token", session.csrfToken("/"))
                    .multiPart(new MultiPartSpecBuilder(Files.readAllBytes(file)).controlName("file").fileName(fileName)
                            .mimeType("video/mp4").build())
                    .post("/content/" + contentId + "/media");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A finished rendition of the item's current video, as the background job leaves it (its result is the same
     * file, its thumbnail a small JPEG), without running ffmpeg; returns its id.
     */
    public static long readyRendition(long contentId) {
        String thumbnail = "thumb-" + UUID.randomUUID() + ".jpg";
        try {
            Files.write(MEDIA_DIR.resolve(thumbnail), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = ContentItem.findById(contentId);
            MediaRendition rendition = new MediaRendition();
            rendition.contentId = contentId;
            rendition.source = item.media;
            rendition.result = item.media;
            rendition.fit = Ffmpeg.Fit.PAD;
            rendition.name = "ready-1080x1920.mp4";
            rendition.status = MediaRendition.Status.DONE;
            rendition.percent = 100;
            rendition.thumbnailName = thumbnail;
            rendition.createdBy = item.createdBy;
            rendition.createdAt = Instant.now();
            rendition.finishedAt = rendition.createdAt;
            rendition.persist();
            return rendition.id;
        });
    }

    /** Every file under the media folder (uploads, renditions, thumbnails). */
    static List<Path> storedFiles() {
        return MediaStorageTest.files(MEDIA_DIR);
    }

    static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.count());
    }
}
