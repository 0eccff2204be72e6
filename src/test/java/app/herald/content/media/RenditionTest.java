package app.herald.content.media;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.platform.MediaFacts;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RenditionTest {

    private static MediaRendition latest(long contentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaRendition rendition = MediaRendition.listFor(contentId).get(0);
            if (rendition.result != null) {
                rendition.result.sha256.length();
            }
            return rendition;
        });
    }

    @Test
    void aLandscapeClipBecomesA1080x1920RenditionWithAThumbnailThatCanBeChosen() throws Exception {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, "Fit me");
        assertThat(MediaFixture.upload(marketer, id, TestVideos.landscape(), "wide.mp4").statusCode()).isEqualTo(303);
        String landscapeHash = ContentFixture.revisions(id).get(0).sha256;

        Response started = marketer.submit("/content/" + id, "/content/" + id + "/media/renditions",
                Map.of("fit", "CROP", "thumbnailSecond", "1.5"));
        assertThat(started.statusCode()).isEqualTo(303);

        // The work runs on the managed executor; the request has already answered.
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> !latest(id).status.active());
        MediaRendition rendition = latest(id);
        assertThat(rendition.error).isNull();
        assertThat(rendition.status).isEqualTo(MediaRendition.Status.DONE);
        assertThat(rendition.percent).isEqualTo(100);

        Path output = MediaFixture.MEDIA_DIR.resolve(rendition.result.storedName);
        MediaFacts facts = MediaProbe.facts(TestVideos.ffmpeg().probe(output));
        assertThat(facts.dimensions()).isEqualTo("1080×1920");
        assertThat(facts.videoCodec()).isEqualTo("h264");
        assertThat(facts.audioCodec()).isEqualTo("aac");
        assertThat(facts.container()).isEqualTo("mp4");
        assertThat(facts.durationSeconds()).isBetween(3.8, 4.2);
        assertThat(rendition.name).isEqualTo("wide-1080x1920.mp4");

        Path thumbnail = MediaFixture.MEDIA_DIR.resolve(rendition.thumbnailName);
        byte[] jpeg = Files.readAllBytes(thumbnail);
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        BufferedImage picture = ImageIO.read(thumbnail.toFile());
        assertThat(picture.getWidth()).isEqualTo(1080);
        assertThat(picture.getHeight()).isEqualTo(1920);
        Response served = DemoUsers.reviewer().get("/content/" + id + "/media/renditions/" + rendition.id + "/thumbnail");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("image/jpeg");

        Document page = marketer.page("/content/" + id);
        assertThat(page.select(".rendition-done").text()).contains("Ready: 1080×1920");
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();

        Response used = marketer.submit("/content/" + id, "/content/" + id + "/media/renditions/" + rendition.id + "/use",
                Map.of());
        assertThat(used.statusCode()).isEqualTo(303);
        ContentItem item = ContentFixture.load(id);
        List<ContentRevision> revisions = ContentFixture.revisions(id);
        assertThat(item.state).isEqualTo(ContentState.SUBMITTED);
        assertThat(revisions.get(0).sha256).isNotEqualTo(landscapeHash);
        assertThat(revisions.get(0).canonical).contains("media.sha256=" + rendition.result.sha256);
        assertThat(item.mediaName).isEqualTo("wide-1080x1920.mp4");
        assertThat(marketer.page("/content/" + id).select(".media-checks li").eachText())
                .allMatch(text -> text.endsWith("meets the platform's video spec."));
    }

    @Test
    void aRunningRenditionShowsItsProgressAndRefreshesThePage() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Progress", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.landscape(), "wide.mp4");
        long rendition = QuarkusTransaction.requiringNew().call(() -> {
            MediaRendition running = new MediaRendition();
            running.contentId = id;
            running.source = ContentItem.<ContentItem>findById(id).media;
            running.fit = Ffmpeg.Fit.PAD;
            running.name = "wide-1080x1920.mp4";
            running.status = MediaRendition.Status.RUNNING;
            running.percent = 42;
            running.createdBy = "marketer";
            running.createdAt = java.time.Instant.now();
            running.persist();
            return running.id;
        });

        Document page = marketer.page("/content/" + id);

        assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("3");
        assertThat(page.select(".rendition-running progress").attr("value")).isEqualTo("42");
        assertThat(page.select("form.fit-form")).isEmpty();
        Response again = marketer.submit("/content/" + id, "/content/" + id + "/media/renditions", Map.of("fit", "PAD"));
        assertThat(again.statusCode()).isEqualTo(400);
        QuarkusTransaction.requiringNew().run(() -> MediaRendition.update("status = ?1 where id = ?2",
                MediaRendition.Status.FAILED, rendition));
    }

    @Test
    void onlyAuthorsMayStartOrChooseRenditions() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Rendition access", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.landscape(), "wide.mp4");
        WebSession reviewer = DemoUsers.reviewer();

        assertThat(reviewer.submit("/content/" + id, "/content/" + id + "/media/renditions", Map.of("fit", "PAD"))
                .statusCode()).isEqualTo(403);
        assertThat(reviewer.submit("/content/" + id, "/content/" + id + "/media/renditions/1/use", Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MediaRendition.count("contentId", id))).isZero();
    }
}
