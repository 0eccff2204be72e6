package app.herald.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

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

    /**
     * Posts the new-content form (draft) with {@code file} attached, as its upload script does: text fields and
     * the file in one multipart request. {@code extra} overrides or adds text fields.
     */
    public static Response createWithVideo(WebSession session, String title, Path file, String fileName,
            Map<String, String> extra) {
        String token = session.page("/content/new").select("input[name=csrf-token]").attr("value");
        Map<String, String> fields = new HashMap<>(Map.of("brandId", String.valueOf(ContentFixture.brandId()), "title", title,
                "description", "Pack light and start early.", "action", "draft"));
        fields.putAll(extra);
        try {
            var request = session.request().multiPart("csrf-token", token);
            fields.forEach((name, value) -> request.multiPart(name, value));
            for (String platform : List.of("YOUTUBE_SHORTS", "TIKTOK", "FACEBOOK_REELS")) {
                request.multiPart("platforms", platform);
            }
            return request.multiPart(new MultiPartSpecBuilder(Files.readAllBytes(file)).controlName("file").fileName(fileName)
                    .mimeType("video/mp4").build()).post("/content");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content item's video as stored now, or null. */
    public static MediaFile media(long contentId) {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>findById(contentId).media);
    }

    static Path path(MediaFile media) {
        return MEDIA_DIR.resolve(media.storedName);
    }

    /** Every file under the media folder (uploads, renditions, thumbnails). */
    static List<Path> storedFiles() {
        return MediaStorageTest.files(MEDIA_DIR);
    }

    static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.count());
    }
}
