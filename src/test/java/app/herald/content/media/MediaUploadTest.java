package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MediaUploadTest {

    private static long draft(WebSession author, String title) {
        return ContentFixture.create(author, title, "draft", Map.of());
    }

    private static String mediaSha(long contentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = ContentItem.findById(contentId);
            return item.media == null ? null : item.media.sha256;
        });
    }

    @Test
    void aVerticalClipIsStoredProbedAndShownWithEveryPlatformSatisfied() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Vertical clip");

        Response response = MediaFixture.upload(marketer, id, TestVideos.vertical(), "trail-vertical.mp4");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/content/" + id + "#media");
        String sha = mediaSha(id);
        assertThat(sha).hasSize(64);
        assertThat(MediaFixture.storedFiles()).contains(MediaFixture.MEDIA_DIR.resolve(sha.substring(0, 2)).resolve(sha + ".mp4"));
        Document page = marketer.page("/content/" + id);
        String media = page.select("#media ~ dl.facts").first().text();
        assertThat(media).contains("trail-vertical.mp4", "4 s", "1080×1920 (9:16)", "30 fps", "video h264, audio aac", "mp4");
        assertThat(page.select(".media-checks li").eachText()).containsExactly(
                "YouTube Shorts: meets the platform's video spec.", "TikTok: meets the platform's video spec.",
                "Facebook Reels: meets the platform's video spec.");
        assertThat(page.select("form.fit-form")).isEmpty();
        assertThat(page.select("form[data-upload] input[name=csrf-token]").attr("value")).isNotBlank();

        Response submitted = marketer.submit("/content/" + id, "/content/" + id + "/submit", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.SUBMITTED);
        assertThat(ContentFixture.revisions(id).get(0).canonical).contains("media.sha256=" + sha);
        assertThat(DemoUsers.reviewer().page("/review/" + id).select("dl.facts").text()).contains("1080×1920 (9:16)");
    }

    @Test
    void aLandscapeClipIsKeptButBlocksSubmissionWithThePlatformsMessages() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Landscape clip");
        assertThat(MediaFixture.upload(marketer, id, TestVideos.landscape(), "wide.mp4").statusCode()).isEqualTo(303);

        Document page = marketer.page("/content/" + id);
        assertThat(page.select(".media-checks li").eachText()).containsExactly(
                "BLOCK YouTube Shorts: video is landscape 1280×720 (16:9); the platform needs vertical 9:16 or square video.",
                "TikTok: meets the platform's video spec.",
                "BLOCK Facebook Reels: video is landscape 1280×720 (16:9); the platform needs vertical 9:16 or square video.",
                "BLOCK Facebook Reels: video is 1280×720; the minimum is 540×960.");
        assertThat(page.select("form.fit-form button").text()).isEqualTo("Make 1080×1920 rendition");

        Response refused = marketer.submit("/content/" + id, "/content/" + id + "/submit", Map.of());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(marketer.page("/content/" + id).select(".flash-error").text())
                .contains("The video does not meet every target platform's spec")
                .contains("YouTube Shorts: video is landscape 1280×720 (16:9)")
                .contains("Facebook Reels: video is landscape 1280×720 (16:9)");
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.DRAFT);
    }

    @Test
    void aClipTooLongForReelsNamesTheLimitAndTheActualDuration() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Long clip");
        assertThat(MediaFixture.upload(marketer, id, TestVideos.tooLongForReels(), "long.mp4").statusCode()).isEqualTo(303);

        assertThat(marketer.page("/content/" + id).select(".media-checks li").eachText()).containsExactly(
                "YouTube Shorts: meets the platform's video spec.", "TikTok: meets the platform's video spec.",
                "BLOCK Facebook Reels: video is 91 s; the platform allows 3–90 s.");
    }

    @Test
    void refusedUploadsSayWhyAndLeaveNoFileAndNoRow() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Refusals");
        Map<Path, String> refusals = Map.of(
                TestVideos.audioOnly(), "This file has sound but no picture (audio only). Upload a video.",
                TestVideos.truncated(), "The video is incomplete or damaged (its index is missing; was the upload cut off?)."
                        + " Export or upload it again.",
                TestVideos.textNamedMp4(), MediaProbe.NOT_A_VIDEO,
                TestVideos.empty(), "The file is empty. Choose a video file.",
                TestVideos.tooBig(), "The file is larger than the 8 MB upload limit.");
        List<Path> filesBefore = MediaFixture.storedFiles();
        long rowsBefore = MediaFixture.rows();

        refusals.forEach((file, message) -> {
            Response response = MediaFixture.upload(marketer, id, file, file.getFileName().toString());
            assertThat(response.statusCode()).as(file.toString()).isEqualTo(400);
            assertThat(Jsoup.parse(response.body().asString()).select(".form-error").text()).as(file.toString())
                    .isEqualTo(message);
        });

        assertThat(MediaFixture.storedFiles()).isEqualTo(filesBefore);
        assertThat(MediaFixture.rows()).isEqualTo(rowsBefore);
        assertThat(mediaSha(id)).isNull();
    }

    @Test
    void playlistsAndManifestsPointingAtAnotherBrandsStoredVideoAreRefusedAndLeaveNothing() throws Exception {
        WebSession marketer = DemoUsers.marketer();
        long theirs = ContentFixture.create(marketer, "Other brand's clip", "draft", Map.of("brandId", ContentFixture.demoBrandId()));
        MediaFixture.upload(marketer, theirs, TestVideos.unique(TestVideos.vertical()), "secret.mp4");
        Path secret = MediaFixture.path(MediaFixture.media(theirs));
        long id = draft(marketer, "Pulls another video");
        Map<String, String> manifests = new LinkedHashMap<>();
        manifests.put("playlist.m3u8", Manifests.hls(secret));
        manifests.put("playlist.mkv", Manifests.hls(secret));
        manifests.put("manifest.mpd", Manifests.dash(secret));
        manifests.put("list.ffconcat", Manifests.concat(secret.toString()));
        Path dir = Files.createDirectories(Path.of("target", "test-manifests").toAbsolutePath());
        List<Path> files = MediaFixture.storedFiles();
        long rows = MediaFixture.rows();

        for (Map.Entry<String, String> manifest : manifests.entrySet()) {
            Path file = Files.writeString(dir.resolve(manifest.getKey()), manifest.getValue());
            Response response = MediaFixture.upload(marketer, id, file, manifest.getKey());
            assertThat(response.statusCode()).as(manifest.getKey()).isEqualTo(400);
            assertThat(Jsoup.parse(response.body().asString()).select(".form-error").text()).as(manifest.getKey())
                    .isIn(MediaProbe.OTHER_CONTAINER, MediaProbe.NOT_A_VIDEO);
        }
        Response avi = MediaFixture.upload(marketer, id, TestVideos.avi(), "clip.avi");
        assertThat(Jsoup.parse(avi.body().asString()).select(".form-error").text()).isEqualTo(MediaProbe.OTHER_CONTAINER);

        assertThat(MediaFixture.storedFiles()).isEqualTo(files);
        assertThat(MediaFixture.rows()).isEqualTo(rows);
        assertThat(mediaSha(id)).isNull();
    }

    @Test
    void theSameVideoUploadedTwiceIsStoredOnce() {
        WebSession marketer = DemoUsers.marketer();
        long first = draft(marketer, "Twice one");
        long second = draft(marketer, "Twice two");
        MediaFixture.upload(marketer, first, TestVideos.vertical(), "a.mp4");
        List<Path> files = MediaFixture.storedFiles();
        long rows = MediaFixture.rows();

        assertThat(MediaFixture.upload(marketer, second, TestVideos.vertical(), "b.mp4").statusCode()).isEqualTo(303);

        assertThat(mediaSha(second)).isEqualTo(mediaSha(first));
        assertThat(MediaFixture.storedFiles()).isEqualTo(files);
        assertThat(MediaFixture.rows()).isEqualTo(rows);
    }

    @Test
    void attachingAVideoToApprovedContentIsANewRevisionBackInReview() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, "Approved then video");
        String hash = ContentFixture.revisions(id).get(0).sha256;
        WebSession reviewer = DemoUsers.reviewer();
        assertThat(reviewer.submit("/review/" + id, "/review/" + id + "/approve", Map.of("revisionHash", hash)).statusCode())
                .isEqualTo(303);
        assertThat(ContentFixture.load(id).state).isEqualTo(ContentState.APPROVED);

        assertThat(MediaFixture.upload(marketer, id, TestVideos.vertical(), "late.mp4").statusCode()).isEqualTo(303);

        ContentItem item = ContentFixture.load(id);
        List<ContentRevision> revisions = ContentFixture.revisions(id);
        assertThat(item.state).isEqualTo(ContentState.SUBMITTED);
        assertThat(item.approvedRevisionId).isNull();
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).sha256).isNotEqualTo(hash);
        assertThat(revisions.get(0).canonical).contains("media.sha256=" + mediaSha(id));
        assertThat(ContentFixture.auditTrail(id)).contains("MEDIA_ATTACHED", "CONTENT_STATE_CHANGED APPROVED→SUBMITTED");
    }

    @Test
    void theOriginalFileNameIsShownAsText() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Hostile name");
        String name = "<script>alert('x')</script><img src=x onerror=alert(1)>.mp4";

        assertThat(MediaFixture.upload(marketer, id, TestVideos.tooLongForReels(), name).statusCode()).isEqualTo(303);

        String html = marketer.get("/content/" + id).body().asString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document page = Jsoup.parse(html);
        assertThat(page.select("dl.facts dd").eachText()).anyMatch(text -> text.startsWith(name));
    }

    @Test
    void onlyAuthorsMayUploadAndOnlyWithTheFormsToken() {
        WebSession marketer = DemoUsers.marketer();
        long id = draft(marketer, "Access");
        long rows = MediaFixture.rows();

        for (WebSession other : List.of(DemoUsers.reviewer(), DemoUsers.manager())) {
            assertThat(MediaFixture.upload(other, id, TestVideos.vertical(), "x.mp4").statusCode()).isEqualTo(403);
            assertThat(other.page("/content/" + id).select("form[data-upload]")).isEmpty();
        }
        Response anonymous = WebSession.anonymous().request().multiPart("file", TestVideos.vertical().toFile())
                .post("/content/" + id + "/media");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        Response forged = marketer.request().multiPart("file", TestVideos.vertical().toFile()).post("/content/" + id + "/media");
        assertThat(forged.statusCode()).isEqualTo(400);
        Response forgedRendition = marketer.submitWithoutToken("/content/" + id + "/media/renditions", Map.of("fit", "PAD"));
        assertThat(forgedRendition.statusCode()).isEqualTo(400);

        assertThat(MediaFixture.rows()).isEqualTo(rows);
        assertThat(mediaSha(id)).isNull();
    }
}
