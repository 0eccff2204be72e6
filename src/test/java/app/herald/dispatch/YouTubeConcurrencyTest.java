package app.herald.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import app.herald.calendar.CalendarFixture;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelTokens;
import app.herald.channel.youtube.ResumableSessions;
import app.herald.channel.youtube.YouTubeStub;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher's exactly-once guarantees (as {@link DispatcherTest} proves them on the Sandbox) on channels connected
 * to a WireMock YouTube that keeps real resumable sessions: the stub's request journal shows one upload session per
 * publication, and each video's id is the digest of the bytes its one session received, in order.
 */
@QuarkusTest
@WithTestResource(YouTubeStub.class)
class YouTubeConcurrencyTest {

    private static final String UPLOADS = "/upload/youtube/v3/videos";
    /** Two chunks of 256 KiB and a remainder: every publication resumes twice. */
    private static final int SIZE = 600_000;

    @YouTubeStub.Server
    WireMockServer google;

    @Inject
    Dispatcher dispatcher;

    private long brand;

    @BeforeEach
    void youTubeKeepsSessions() {
        google.resetAll();
        YouTubeStub.resetQuota();
        brand = DispatchFixture.brand();
        google.stubFor(post(urlPathEqualTo(UPLOADS)).withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", matching("Bearer access-\\d+"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-Upload-Content-Length", equalTo(String.valueOf(SIZE)))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.tags[0]", matching("herald-\\d+-\\d+")))
                .withRequestBody(matchingJsonPath("$.snippet.categoryId", equalTo("22")))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
        google.stubFor(put(urlPathEqualTo(UPLOADS)).withQueryParam("upload_id", matching("S\\d+"))
                .withHeader("Authorization", matching("Bearer access-\\d+"))
                .withHeader("Content-Range", matching("^bytes (\\d+-\\d+|\\*)/" + SIZE + "$"))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("status,processingDetails"))
                .withHeader("Authorization", matching("Bearer access-\\d+"))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
    }

    @AfterEach
    void noHook() {
        DispatchFixture.hook = null;
    }

    private long youTubeChannel(int n) {
        return DispatchFixture.connectedChannel(brand, Platform.YOUTUBE_SHORTS, 1000, new ChannelTokens.Tokens("UC-" + n,
                "access-" + n, "refresh-" + n, Instant.now().plus(Duration.ofHours(1))));
    }

    private static String sha256(long publicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Publication.<Publication>findById(publicationId).content.media.sha256);
    }

    @Test
    void fourDispatchersOverFortyDueYouTubePublicationsUploadEachOnceInOneSession() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            long channel = youTubeChannel(c);
            for (int p = 0; p < 4; p++) {
                ids.add(DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(60 - p), SIZE));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            String name = "yt-dispatcher-" + d;
            runs.add(pool.submit(() -> {
                for (int round = 0; round < 200; round++) {
                    if (dispatcher.round(name) == 0 && ids.stream().allMatch(id -> CalendarFixture.load(id).status.isFinal())) {
                        return;
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(ids).allSatisfy(id -> {
            Publication publication = CalendarFixture.load(id);
            assertThat(publication.status).as("publication %s", id).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(publication.platformVideoId).as("the video of the bytes of publication %s", id)
                    .isEqualTo(ResumableSessions.videoId(sha256(id)));
            google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS))
                    .withRequestBody(containing("\"" + PublicationDispatch.marker(publication) + "\"")));
        });
        google.verify(ids.size(), postRequestedFor(urlPathEqualTo(UPLOADS)));
        // Three chunks per video and nothing sent twice.
        google.verify(ids.size() * 3, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range",
                matching("^bytes \\d+-\\d+/\\d+$")));
        long workers = QuarkusTransaction.requiringNew().call(() -> (Long) PublicationAttempt.getEntityManager()
                .createQuery("select count(distinct a.instance) from PublicationAttempt a where a.publicationId in ?1")
                .setParameter(1, ids).getSingleResult());
        assertThat(workers).as("the work was shared").isGreaterThan(1);
    }

    @Test
    void aWorkerKilledRightAfterAChunkWasStoredIsTakenOverAfterItsLeaseAndFinishesWithOneUpload() {
        long channel = youTubeChannel(99);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), SIZE);
        AtomicInteger uploadingCommits = new AtomicInteger();
        DispatchFixture.hook = step -> {
            // The first UPLOADING commit stores the session, the second the offset after the first chunk.
            if (step.publicationId() == id && step.status() == PublicationStatus.UPLOADING
                    && uploadingCommits.incrementAndGet() == 2) {
                throw new DispatchFixture.Killed();
            }
        };

        dispatcher.round("yt-doomed");
        Publication stopped = CalendarFixture.load(id);
        assertThat(stopped.status).isEqualTo(PublicationStatus.UPLOADING);
        assertThat(stopped.uploadRef).as("the session URI was stored before the worker died").contains("upload_id=S");
        assertThat(stopped.uploadOffset).isEqualTo(262_144);
        assertThat(stopped.claimedBy).isEqualTo("yt-doomed");

        dispatcher.round("yt-rescuer");
        assertThat(CalendarFixture.load(id).status).as("not taken while the lease holds").isEqualTo(PublicationStatus.UPLOADING);
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)));

        QuarkusTransaction.requiringNew().run(() -> {
            Publication.<Publication>findById(id).leaseUntil = Instant.now().minusSeconds(1);
            Channel.<Channel>findById(channel).dispatchLeaseUntil = Instant.now().minusSeconds(1);
        });
        for (int round = 0; round < 20 && dispatcher.round("yt-rescuer") > 0; round++) {
            // Each round claims afresh.
        }

        Publication done = CalendarFixture.load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.uploadRef).as("resumed in the same session").isEqualTo(stopped.uploadRef);
        assertThat(done.platformVideoId).isEqualTo(ResumableSessions.videoId(sha256(id)));
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes 0-262143/600000")));
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range",
                equalTo("bytes 262144-524287/600000")));
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.START).hasSize(1);
        assertThat(attempts).filteredOn(attempt -> attempt.instance.equals("yt-rescuer")).isNotEmpty();
    }
}
