package app.herald.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.web.WebSession;

/** Uploads videos through the content page's form and reads back what the media folder and table hold. */
public final class MediaFixture {

    static final Path MEDIA_DIR = Path.of("target", "test-data", "media").toAbsolutePath();

    private MediaFixture() {
    }

    /** Posts {@code file} as {@code fileName} with the CSRF token of the content page, as the upload form does. */
    public static Response upload(WebSession session, long contentId, Path file, String fileName) {
        String token = session.page("/content/" + contentId).select("input[name=csrf-token]").attr("value");
        try {
            return session.request().multiPart("csrf-token", token)
                    .multiPart(new MultiPartSpecBuilder(Files.readAllBytes(file)).controlName("file").fileName(fileName)
                            .mimeType("video/mp4").build())
                    .post("/content/" + contentId + "/media");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
