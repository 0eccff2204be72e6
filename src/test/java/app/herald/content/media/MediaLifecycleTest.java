package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.content.ContentFixture;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.platform.PlatformSpecs;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A video attached with the new-content form, replaced and removed later: each change is a revision under review,
 * and what nothing refers to any more leaves the disk (a file other content still uses stays).
 */
@QuarkusTest
class MediaLifecycleTest {

    private static final Path UPLOADS = Path.of("target", "test-data", "uploads").toAbsolutePath();

    private static long contentWithTitle(String title) {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.count("title", title));
    }

    private static boolean rowExists(String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.findBySha256(sha256).isPresent());
    }

    /** The files in the folders where uploads and renditions are made (earlier runs may have left some). */
    private static List<Path> workFiles() {
        return Stream.of(UPLOADS, MediaFixture.MEDIA_DIR.resolve("incoming"),
                MediaFixture.MEDIA_DIR.resolve("work")).flatMap(dir -> MediaStorageTest.files(dir).stream()).toList();
    }

    /** Nothing half-done is left behind by what the test did. */
    private static void assertNoWorkFilesLeft(List<Path> before) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(workFiles()).isSubsetOf(before));
    }

    @Test
    void theNewContentFormTakesTheVideoWithTheText() {
        List<Path> work = workFiles();
        WebSession marketer = DemoUsers.marketer();
        Document form = marketer.page("/content/new");
        assertThat(form.select("form.content-form[enctype=multipart/form-data][data-upload] input[type=file][name=file]"))
                .hasSize(1);
        Path clip = TestVideos.unique(TestVideos.vertical());

        Response created = MediaFixture.createWithVideo(marketer, "Created with its video", clip, "launch.mp4", Map.of());

        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ContentItem item = ContentFixture.load(id);
        assertThat(item.title).isEqualTo("Created with its video");
        assertThat(item.state).isEqualTo(ContentState.DRAFT);
        assertThat(item.platformSet()).hasSize(3);
        assertThat(item.mediaName).isEqualTo("launch.mp4");
        MediaFile media = MediaFixture.media(id);
        assertThat(MediaFixture.path(media)).exists().hasSameBinaryContentAs(clip);
        assertThat(marketer.page("/content/" + id).select(".flash-success").text()).contains("with its video (1080×1920)");
        assertThat(ContentFixture.auditTrail(id)).containsExactly("CONTENT_CREATED null→DRAFT", "MEDIA_ATTACHED");
        assertNoWorkFilesLeft(work);
    }

    @Test
    void aRefusedVideoCreatesNothingAndKeepsTheTypedText() {
        List<Path> work = workFiles();
        WebSession marketer = DemoUsers.marketer();
        List<Path> files = MediaFixture.storedFiles();
        long rows = MediaFixture.rows();

        Response refused = MediaFixture.createWithVideo(marketer, "Not with notes", TestVideos.textNamedMp4(), "notes.mp4",
                Map.of("coreMessage", "Keep this script"));
        Response badText = MediaFixture.createWithVideo(marketer, " ", TestVideos.unique(TestVideos.vertical()), "ok.mp4",
                Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Nothing was saved: the video was refused. "
                + MediaProbe.NOT_A_VIDEO + " Your text is kept below; choose a video again or save without one.");
        assertThat(page.select("input[name=title]").attr("value")).isEqualTo("Not with notes");
        assertThat(page.select("textarea[name=coreMessage]").text()).isEqualTo("Keep this script");
        assertThat(contentWithTitle("Not with notes")).isZero();
        assertThat(badText.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badText.body().asString()).select(".form-error").text()).startsWith("Title is required.");
        assertThat(MediaFixture.storedFiles()).isEqualTo(files);
        assertThat(MediaFixture.rows()).isEqualTo(rows);
        assertNoWorkFilesLeft(work);
    }

    @Test
    void replacingTheVideoDeletesTheOldOneWithItsRenditionAndThumbnail() {
        List<Path> work = workFiles();
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, "Replace me");
        assertThat(MediaFixture.upload(marketer, id, TestVideos.unique(TestVideos.landscape()), "wide.mp4").statusCode())
                .isEqualTo(303);
        MediaFile old = MediaFixture.media(id);
        marketer.submit("/content/" + id, "/content/" + id + "/media/renditions", Map.of("fit", "PAD", "thumbnailSecond", "1"));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> QuarkusTransaction
                .requiringNew().call(() -> MediaRendition.<MediaRendition>list("contentId", id).get(0).status)
                == MediaRendition.Status.DONE);
        MediaRendition rendition = QuarkusTransaction.requiringNew().call(() -> {
            MediaRendition done = MediaRendition.<MediaRendition>list("contentId", id).get(0);
            done.result.sha256.length();
            return done;
        });
        List<Path> oldFiles = List.of(MediaFixture.path(old), MediaFixture.path(rendition.result),
                MediaFixture.MEDIA_DIR.resolve(rendition.thumbnailName));
        assertThat(oldFiles).allSatisfy(file -> assertThat(file).exists());
        int revisions = ContentFixture.revisions(id).size();
        Path replacement = TestVideos.unique(TestVideos.vertical());

        Response replaced = MediaFixture.upload(marketer, id, replacement, "vertical.mp4");

        assertThat(replaced.statusCode()).isEqualTo(303);
        MediaFile now = MediaFixture.media(id);
        assertThat(MediaFixture.path(now)).hasSameBinaryContentAs(replacement);
        assertThat(oldFiles).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(rowExists(old.sha256)).isFalse();
        assertThat(rowExists(rendition.result.sha256)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> MediaRendition.count("contentId", id))).isZero();
        List<ContentRevision> after = ContentFixture.revisions(id);
        assertThat(after).hasSize(revisions + 1);
        assertThat(after.get(0).canonical).contains("media.sha256=" + now.sha256);
        assertThat(marketer.page("/content/" + id).select(".renditions")).isEmpty();
        assertNoWorkFilesLeft(work);
    }

    @Test
    void removingTheVideoAsksFirstThenMakesARevisionAndDeletesTheFile() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, "Remove my video");
        MediaFixture.upload(marketer, id, TestVideos.unique(TestVideos.vertical()), "gone.mp4");
        MediaFile media = MediaFixture.media(id);
        int revisions = ContentFixture.revisions(id).size();

        Document content = marketer.page("/content/" + id);
        assertThat(content.select("a[href=/content/" + id + "/media/remove]").text()).isEqualTo("Remove the video…");
        Document confirm = marketer.page("/content/" + id + "/media/remove");
        assertThat(confirm.select("h1").text()).isEqualTo("Remove the video of “Remove my video”?");
        assertThat(confirm.select("p").text()).contains("gone.mp4", "makes a new revision");
        assertThat(MediaFixture.path(media)).exists();

        Response removed = marketer.submit("/content/" + id + "/media/remove", "/content/" + id + "/media/remove", Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(MediaFixture.media(id)).isNull();
        assertThat(MediaFixture.path(media)).doesNotExist();
        assertThat(rowExists(media.sha256)).isFalse();
        List<ContentRevision> after = ContentFixture.revisions(id);
        assertThat(after).hasSize(revisions + 1);
        assertThat(after.get(0).canonical).contains("media.sha256=\n");
        assertThat(ContentFixture.auditTrail(id)).contains("MEDIA_REMOVED");
        Document page = marketer.page("/content/" + id);
        assertThat(page.select(".flash-success").text()).isEqualTo("The video was removed from 'Remove my video'.");
        assertThat(page.select("#media ~ p.muted").first().text()).isEqualTo("No video attached yet.");
        assertThat(page.select("video")).isEmpty();
        assertThat(marketer.get("/content/" + id + "/media/remove").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAuthorsMayRemoveAndOnlyWithTheFormsToken() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "Keep my video", "draft", Map.of());
        MediaFixture.upload(marketer, id, TestVideos.vertical(), "kept.mp4");

        assertThat(DemoUsers.reviewer().submit("/content/" + id, "/content/" + id + "/media/remove", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(marketer.submitWithoutToken("/content/" + id + "/media/remove", Map.of()).statusCode()).isEqualTo(400);
        assertThat(DemoUsers.reviewer().page("/content/" + id).select("a[href$=/media/remove]")).isEmpty();

        assertThat(MediaFixture.media(id)).isNotNull();
    }

    @Test
    void aFileOtherContentStillUsesIsKept() {
        WebSession marketer = DemoUsers.marketer();
        Path clip = TestVideos.unique(TestVideos.vertical());
        long first = ContentFixture.create(marketer, "Shared one", "draft", Map.of());
        long second = ContentFixture.create(marketer, "Shared two", "draft", Map.of());
        MediaFixture.upload(marketer, first, clip, "a.mp4");
        MediaFixture.upload(marketer, second, clip, "b.mp4");
        MediaFile shared = MediaFixture.media(first);

        marketer.submit("/content/" + first + "/media/remove", "/content/" + first + "/media/remove", Map.of());

        assertThat(MediaFixture.media(first)).isNull();
        assertThat(MediaFixture.path(shared)).exists();
        assertThat(rowExists(shared.sha256)).isTrue();
        assertThat(marketer.get("/content/" + second + "/media/files/" + shared.id).statusCode()).isEqualTo(200);

        MediaFixture.upload(marketer, second, TestVideos.unique(TestVideos.vertical()), "c.mp4");

        assertThat(MediaFixture.path(shared)).doesNotExist();
        assertThat(rowExists(shared.sha256)).isFalse();
    }

    @Test
    void adminsSeeEachBrandsStorageAndNobodyElseDoes() throws Exception {
        long brand = CalendarFixture.brand("UTC");
        CalendarFixture.Member author = CalendarFixture.member(brand, Role.MARKETER);
        Path clip = TestVideos.unique(TestVideos.vertical());
        long one = ContentFixture.create(author.session(), "Stored once", "draft", Map.of("brandId", brand));
        long two = ContentFixture.create(author.session(), "Stored twice", "draft", Map.of("brandId", brand));
        MediaFixture.upload(author.session(), one, clip, "a.mp4");
        MediaFixture.upload(author.session(), two, clip, "b.mp4");
        String brandName = QuarkusTransaction.requiringNew()
                .call(() -> app.herald.brand.Brand.<app.herald.brand.Brand>findById(brand).name);

        Document brands = DemoUsers.admin().page("/brands");

        String row = brands.select("tr:has(a:containsOwn(" + brandName + "))").text();
        assertThat(row).endsWith(PlatformSpecs.bytes(Files.size(clip)));
        assertThat(brands.select("th").eachText()).contains("Media storage");
        for (WebSession other : List.of(author.session(), DemoUsers.marketer(), DemoUsers.reviewer(), DemoUsers.manager())) {
            assertThat(other.get("/brands").statusCode()).isEqualTo(403);
            assertThat(other.get("/content/" + one).body().asString()).doesNotContain("Media storage");
        }
    }
}
