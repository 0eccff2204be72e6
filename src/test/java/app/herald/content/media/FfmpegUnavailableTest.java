package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * On a server where ffmpeg cannot run (here: executables that fail as they do without libpulse), Herald still starts;
 * the pages say what is missing and uploads are refused with that message, keeping nothing.
 */
@QuarkusTest
@TestProfile(FfmpegUnavailableTest.WithoutLibpulse.class)
class FfmpegUnavailableTest {

    static final String PROBLEM = "ffmpeg cannot run: libpulse.so.0 missing; install libpulse0 or set herald.media.ffmpeg-dir";

    /** Points herald.media.ffmpeg-dir at executables that cannot load libpulse. */
    public static class WithoutLibpulse implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = FfmpegProblemTest.withoutLibpulse(Path.of("target", "ffmpeg-without-libpulse").toAbsolutePath());
                return Map.of("herald.media.ffmpeg-dir", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theAppStartsThePagesSayWhatIsMissingAndUploadsAreRefused() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "No ffmpeg here", "draft", Map.of());

        assertThat(marketer.page("/content/" + id).select(".media-unavailable").text())
                .isEqualTo("Video uploads are off on this server: " + PROBLEM + ".");
        assertThat(marketer.page("/content/" + id).select("form[data-upload]")).isEmpty();
        assertThat(marketer.page("/content/new").select(".media-unavailable").text()).contains(PROBLEM);
        List<Path> files = MediaFixture.storedFiles();
        long rows = MediaFixture.rows();

        Response upload = MediaFixture.upload(marketer, id, TestVideos.vertical(), "clip.mp4");
        Response created = MediaFixture.createWithVideo(marketer, "Created without ffmpeg", TestVideos.vertical(), "clip.mp4",
                Map.of());

        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(upload.body().asString()).select(".form-error").text()).isEqualTo(
                "Herald cannot check videos on this server, so nothing was kept: " + PROBLEM + ". Ask an admin.");
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(created.body().asString()).select(".form-error").text()).contains(PROBLEM);
        assertThat(MediaFixture.storedFiles()).isEqualTo(files);
        assertThat(MediaFixture.rows()).isEqualTo(rows);
        assertThat(MediaFixture.media(id)).isNull();
        Response rendition = marketer.submit("/content/" + id, "/content/" + id + "/media/renditions", Map.of("fit", "PAD"));
        assertThat(rendition.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(rendition.body().asString()).select(".form-error").text()).contains(PROBLEM);
    }
}
