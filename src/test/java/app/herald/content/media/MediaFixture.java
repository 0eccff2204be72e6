package app.herald.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

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

    /** Every file under the media folder (uploads, renditions, thumbnails). */
    static List<Path> storedFiles() {
        return MediaStorageTest.files(MEDIA_DIR);
    }

    static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.count());
    }
}
