package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.content.ContentFixture;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The video plays from the content and review pages: served with byte ranges, inline, to the item's brand only. */
@QuarkusTest
class MediaPlaybackTest {

    private static String url(long contentId, MediaFile media) {
        return "/content/" + contentId + "/media/files/" + media.id;
    }

    @Test
    void theWholeFileAndExactlyTheAskedForBytesAreServedInline() throws Exception {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Play me", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.vertical(), "trail (1).mp4");
        MediaFile media = MediaFixture.media(id);
        byte[] bytes = Files.readAllBytes(MediaFixture.path(media));

        Response whole = marketer.get(url(id, media));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.asByteArray()).isEqualTo(bytes);
        assertThat(whole.contentType()).isEqualTo("video/mp4");
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(whole.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"trail _1_.mp4\"; filename*=UTF-8''trail%20%281%29.mp4");

        Response middle = marketer.request().header("Range", "bytes=100-199").get(url(id, media));
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100-199/" + bytes.length);
        assertThat(middle.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
        assertThat(middle.contentType()).isEqualTo("video/mp4");

        Response tail = marketer.request().header("Range", "bytes=-500").get(url(id, media));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 500, bytes.length));

        Response beyond = marketer.request().header("Range", "bytes=" + bytes.length + "-").get(url(id, media));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + bytes.length);

        // A client holding another version gets the whole current file, never a piece of it spliced into theirs.
        Response otherVersion = marketer.request().header("Range", "bytes=0-9").header("If-Range", "\"0000\"")
                .get(url(id, media));
        assertThat(otherVersion.statusCode()).isEqualTo(200);
        assertThat(otherVersion.asByteArray()).hasSize(bytes.length);
        Response sameVersion = marketer.request().header("Range", "bytes=0-9").header("If-Range", whole.header("ETag"))
                .get(url(id, media));
        assertThat(sameVersion.statusCode()).isEqualTo(206);
    }

    @Test
    void aFileNameCannotBreakTheHeader() {
        assertThat(MediaResource.fileNameParameters("trail täg \"1\"\r\nX-Evil: yes.mp4")).isEqualTo(
                "filename=\"trail t_g _1___X-Evil_ yes.mp4\"; filename*=UTF-8''trail%20t%C3%A4g%20%221%22%0D%0AX-Evil%3A%20yes.mp4");
    }

    @Test
    void theReviewerPlaysTheVideoOfTheRevisionTheyApprove() throws Exception {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Review the video", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.vertical(), "trail.mp4");
        marketer.submit("/content/" + id, "/content/" + id + "/submit", Map.of());
        MediaFile media = MediaFixture.media(id);

        Document content = marketer.page("/content/" + id);
        assertThat(content.select("video.player[controls]").attr("src")).isEqualTo(url(id, media));
        WebSession reviewer = DemoUsers.reviewer();
        Document review = reviewer.page("/review/" + id);
        String src = review.select("#media ~ video.player[controls]").attr("src");
        assertThat(src).isEqualTo(url(id, media));

        byte[] played = reviewer.get(src).asByteArray();
        String playedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(played));
        String revisionHash = review.select("input[name=revisionHash]").attr("value");
        String canonical = ContentFixture.revisions(id).stream().filter(revision -> revision.sha256.equals(revisionHash))
                .findFirst().orElseThrow().canonical;
        assertThat(canonical).contains("media.sha256=" + playedHash);
    }

    @Test
    void anotherBrandsUserGetsNotFoundAndSoDoesAFileOfAnotherItem() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Brand only", "draft", Map.of());
        long other = ContentFixture.create(marketer, "Other item", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.vertical(), "trail.mp4");
        MediaFixture.upload(marketer, other, TestVideos.landscape(), "wide.mp4");
        MediaFile media = MediaFixture.media(id);
        WebSession outsider = CalendarFixture.member(CalendarFixture.brand("UTC"), Role.REVIEWER).session();

        assertThat(outsider.get(url(id, media)).statusCode()).isEqualTo(404);
        assertThat(outsider.request().header("Range", "bytes=0-9").get(url(id, media)).statusCode()).isEqualTo(404);
        assertThat(DemoUsers.manager().get(url(id, media)).statusCode()).isEqualTo(200);
        assertThat(marketer.get(url(other, media)).statusCode()).isEqualTo(404);
        assertThat(marketer.get("/content/" + id + "/media/files/999999999").statusCode()).isEqualTo(404);
        Response anonymous = WebSession.anonymous().get(url(id, media));
        assertThat(anonymous.statusCode()).isEqualTo(DemoUsers.LOGIN);
    }
}
