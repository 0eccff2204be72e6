package app.herald.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.herald.audit.AuditEntry;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CoverState;
import app.herald.calendar.Notification;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.channel.ChannelTokens;
import app.herald.channel.SandboxFailureMode;
import app.herald.channel.youtube.ResumableSessions;
import app.herald.channel.youtube.YouTubeStub;
import app.herald.content.media.TestVideos;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unchanged dispatcher publishing through the YouTube connector to a WireMock Google: the stub's request journal
 * shows what was sent, so "one upload" is proved, not assumed.
 */
@QuarkusTest
@WithTestResource(YouTubeStub.class)
class YouTubeDispatchTest {

    private static final String UPLOADS = "/upload/youtube/v3/videos";
    private static final String THUMBNAILS = "/upload/youtube/v3/thumbnails/set";
    private static final int SIZE = 600_000;

    @YouTubeStub.Server
    WireMockServer google;

    @Inject
    Dispatcher dispatcher;

    @Inject
    ChannelTokens tokens;

    @Inject
    app.herald.system.HeraldConfig config;

    private long brand;
    private long channel;
    private long id;
    private byte[] video;
    private String marker;

    @BeforeEach
    void duePublicationOnAConnectedYouTubeChannel() throws IOException {
        google.resetAll();
        YouTubeStub.resetQuota();
        brand = DispatchFixture.brand();
        channel = DispatchFixture.connectedChannel(brand, Platform.YOUTUBE_SHORTS, 1000, new ChannelTokens.Tokens("UC-herald", "access-1", "refresh-1", Instant.now().plus(Duration.ofHours(1))));
        id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), SIZE);
        video = Files.readAllBytes(DispatchFixture.videoFile(id));
        marker = PublicationDispatch.marker(CalendarFixture.load(id));
    }

    private void dispatchUntilSettled(String name) {
        for (int round = 0; round < 50 && dispatcher.round(name) > 0; round++) {
            // Each round claims afresh.
        }
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsReconciledByTheLookupAndPublishedWithoutASecondUpload() {
        stubSession("access-1");
        stubChunk("access-1", 0, 262_143, resume(262_143));
        stubChunk("access-1", 262_144, 524_287, resume(524_287));
        // YouTube creates the video but answers after Herald stopped waiting (the stub's timeout is 3 s).
        stubChunk("access-1", 524_288, 599_999, created("VIDLATE").withFixedDelay(6_000));
        stubLookup("VIDLATE");

        dispatchUntilSettled("yt-timeout");

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.platformVideoId).isEqualTo("VIDLATE");
        assertThat(publication.platformUrl).isEqualTo("https://www.youtube.com/shorts/VIDLATE");
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range",
                equalTo("bytes 524288-599999/600000")));
        assertThat(steps()).containsSubsequence("SEND:UNKNOWN_OUTCOME", "LOOKUP:OK");
    }

    @Test
    void anAccessTokenRefusedMidUploadIsRenewedAndTheSameSessionContinues() {
        stubSession("access-1");
        stubChunk("access-1", 0, 262_143, resume(262_143));
        stubChunk("access-1", 262_144, 524_287, json(401, """
                {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                  "errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError"}],"status":"UNAUTHENTICATED"}}"""));
        google.stubFor(post(urlPathEqualTo("/token")).withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("refresh-1")).withFormParam("client_id", equalTo(YouTubeStub.CLIENT_ID))
                .willReturn(json(200, """
                        {"access_token":"access-2","expires_in":3599,"token_type":"Bearer"}""")));
        stubChunk("access-2", 262_144, 524_287, resume(524_287));
        stubChunk("access-2", 524_288, 599_999, created("VIDOK"));
        google.stubFor(statusQuery("access-2").willReturn(created("VIDOK")));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("status,processingDetails"))
                .withQueryParam("id", equalTo("VIDOK")).withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(json(200, """
                        {"items":[{"id":"VIDOK","status":{"uploadStatus":"processed"},
                          "processingDetails":{"processingStatus":"succeeded"}}]}""")));

        dispatchUntilSettled("yt-refresh");

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.platformVideoId).isEqualTo("VIDOK");
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        assertThat(steps()).containsSubsequence("SEND:OK", "SEND:AUTH", "REFRESH:OK", "SEND:OK", "SEND:OK", "FINISH:OK",
                "STATUS:OK");
        assertThat(tokens.find(channel).orElseThrow().refreshToken()).isEqualTo("refresh-1");
    }

    @Test
    void aRevokedRefreshTokenMakesTheChannelNeedReconnectingAndTellsTheOwner() {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(401, """
                {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                  "errors":[{"reason":"authError"}]}}""")));
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(json(400, """
                {"error":"invalid_grant","error_description":"Token has been expired or revoked."}""")));

        dispatchUntilSettled("yt-revoked");

        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).status))
                .isEqualTo(ChannelStatus.RECONNECT_NEEDED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.latestFor("marketer")))
                .anySatisfy(notification -> assertThat(notification.message).contains("needs reconnecting"));
        assertThat(steps()).containsExactly("START:AUTH", "REFRESH:OK");
    }

    @Test
    void anExhaustedQuotaPausesTheYouTubeChannelUntilMidnightPacificWhileAnotherChannelPublishes() {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(403, """
                {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.",
                  "errors":[{"domain":"youtube.quota","reason":"quotaExceeded"}]}}""")));
        long sandbox = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long other = DispatchFixture.duePublication(brand, sandbox, Instant.now().minusSeconds(5), 10_000);
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant midnight = Instant.now().atZone(pacific).toLocalDate().plusDays(1).atStartOfDay(pacific).toInstant();

        dispatchUntilSettled("yt-quota");

        Publication paused = CalendarFixture.load(id);
        assertThat(paused.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(paused.nextAttemptAt).isEqualTo(midnight);
        assertThat(paused.failureReason).contains("exceeded your quota");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).pausedUntil))
                .isEqualTo(midnight);
        assertThat(CalendarFixture.load(other).status).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aChannelThatLetsYouTubePublishUploadsAheadWithPublishAtAndChecksTheVideoOnceTheSlotHasCome() {
        Instant slot = Instant.now().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        DispatchFixture.uploadAhead(id, slot, 60);
        google.stubFor(post(urlPathEqualTo(UPLOADS)).withQueryParam("uploadType", equalTo("resumable"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("X-Upload-Content-Length", equalTo(String.valueOf(SIZE)))
                .withRequestBody(matchingJsonPath("$.snippet.tags[0]", equalTo(marker)))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("private")))
                .withRequestBody(matchingJsonPath("$.status.publishAt", equalTo(slot.toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Location", session())));
        stubChunk("access-1", 0, 262_143, resume(262_143));
        stubChunk("access-1", 262_144, 524_287, resume(524_287));
        stubChunk("access-1", 524_288, 599_999, created("VIDAHEAD"));
        google.stubFor(statusQuery("access-1").willReturn(created("VIDAHEAD")));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("status,processingDetails"))
                .withQueryParam("id", equalTo("VIDAHEAD")).willReturn(json(200, """
                        {"items":[{"id":"VIDAHEAD","status":{"uploadStatus":"processed","privacyStatus":"private",
                          "publishAt":"%s"},"processingDetails":{"processingStatus":"succeeded"}}]}""".formatted(slot))));

        dispatchUntilSettled("yt-ahead");

        Publication ahead = CalendarFixture.load(id);
        assertThat(ahead.status).isEqualTo(PublicationStatus.SCHEDULED_ON_PLATFORM);
        assertThat(ahead.platformVideoId).isEqualTo("VIDAHEAD");
        assertThat(ahead.platformPublishAt).isEqualTo(slot);
        assertThat(ahead.nextAttemptAt).as("checked again once YouTube should have published it").isAfter(slot);
        org.jsoup.nodes.Document page = publicationPage();
        assertThat(page.select("h1 .badge").text()).isEqualTo("Scheduled on the platform");
        assertThat(page.select("dd.publishing").text()).startsWith("Uploaded 60 minutes ahead; YouTube Shorts publishes it at the slot (");

        // The slot has come and YouTube made the video public.
        QuarkusTransaction.requiringNew().run(() -> {
            Publication row = Publication.findById(id);
            row.scheduledAt = row.platformPublishAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            row.nextAttemptAt = Instant.now().minusSeconds(1);
        });
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo("VIDAHEAD")).willReturn(json(200, """
                {"items":[{"id":"VIDAHEAD","status":{"uploadStatus":"processed","privacyStatus":"public",
                  "publishAt":"%s"},"processingDetails":{"processingStatus":"succeeded"}}]}""".formatted(slot.minus(Duration.ofHours(1))))));
        dispatchUntilSettled("yt-ahead");

        Publication published = CalendarFixture.load(id);
        assertThat(published.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(published.publishedAt).as("the time YouTube was given").isEqualTo(published.platformPublishAt);
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        assertThat(steps()).endsWith("FINISH:OK", "STATUS:OK", "STATUS:OK");
    }

    @Test
    void aSlotTooCloseForYouTubeToScheduleWaitsForTheSlotWithoutCallingYouTube() {
        Instant slot = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        DispatchFixture.uploadAhead(id, slot, 60);

        dispatchUntilSettled("yt-close");

        Publication waiting = CalendarFixture.load(id);
        assertThat(waiting.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(waiting.nextAttemptAt).isEqualTo(slot);
        assertThat(waiting.failureReason).contains("Too close to its slot").contains("at least 15 minutes ahead")
                .contains("Herald uploads it at the slot instead");
        assertThat(waiting.platformPublishAt).isNull();
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPublicationUploadedAheadIsNotClaimedBeforeItsLead() {
        DispatchFixture.uploadAhead(id, Instant.now().plus(Duration.ofMinutes(90)), 60);

        dispatchUntilSettled("yt-early");

        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void whenHeraldsCountReachesTheDailyQuotaNoUploadIsStartedTheChannelPausesAndOtherPlatformsPublish() {
        long limit = config.youtube().dailyUploads();
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        QuarkusTransaction.requiringNew().run(() -> Channel.getEntityManager().createNativeQuery("INSERT INTO youtube_quota"
                        + " VALUES (:project, :day, 'videos.insert', :limit)").setParameter("project", YouTubeStub.CLIENT_ID)
                .setParameter("day", LocalDate.now(pacific)).setParameter("limit", limit).executeUpdate());
        long sandbox = DispatchFixture.sandboxChannel(brand, Platform.FACEBOOK_REELS, SandboxFailureMode.NONE);
        long other = DispatchFixture.duePublication(brand, sandbox, Instant.now().minusSeconds(5), 10_000);
        Instant midnight = LocalDate.now(pacific).plusDays(1).atStartOfDay(pacific).toInstant();

        dispatchUntilSettled("yt-budget");

        Publication paused = CalendarFixture.load(id);
        assertThat(paused.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(paused.failureReason).contains("Herald stopped before videos.insert").contains("midnight Pacific Time");
        assertThat(paused.nextAttemptAt).isEqualTo(midnight);
        assertThat(paused.uploadRef).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).pausedUntil)).isEqualTo(midnight);
        assertThat(google.getAllServeEvents()).as("YouTube was not called").isEmpty();
        assertThat(steps()).containsExactly("START:RATE_LIMITED");
        assertThat(CalendarFixture.load(other).status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(CalendarFixture.member(brand, app.herald.account.Role.MARKETER).session().page("/channels/" + channel)
                .select("dd.quota").text()).startsWith("0 of " + config.youtube().dailyQuota() + " units, " + limit + " of "
                        + limit + " uploads").contains("Pacific day " + LocalDate.now(pacific));
    }

    @Test
    void aCoverFrameIsSetWithThumbnailsSetOnceTheUploadIsCompleteAndThePostIsPublished() {
        coverFramePublication();
        stubCoverAccepted();

        dispatchUntilSettled("yt-cover");

        Publication done = CalendarFixture.load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.coverState).isEqualTo(CoverState.SET);
        List<LoggedRequest> covers = google.findAll(postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(covers).hasSize(1);
        assertThat(covers.get(0).queryParameter("videoId").firstValue()).isEqualTo(done.platformVideoId);
        assertThat(covers.get(0).getBody()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(steps()).containsSubsequence("FINISH:OK", "COVER:OK", "STATUS:OK").doesNotContain("STATUS:FAILED");
        assertThat(quotaUnits()).as("thumbnails.set 50 units, each videos.list 1")
                .isEqualTo(50 + steps().stream().filter(step -> step.startsWith("STATUS")).count());
        assertThat(publicationPage().select("dd.cover").text())
                .startsWith("Cover frame at 1.5 s: set (YouTube shows the frame at 1.5 s");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403|forbidden|The authenticated user doesn't have permissions to upload and set custom video thumbnails.",
            "429|uploadRateLimitExceeded|The user has sent too many thumbnails recently." })
    void aRefusedCoverFrameLeavesThePostPublishedOnceWithTheReasonAndTheChannelGoingOn(int status, String reason,
            String message) {
        coverFramePublication();
        google.stubFor(thumbnailsSet().willReturn(json(status, """
                {"error":{"code":%d,"message":"%s","errors":[{"domain":"youtube.thumbnail","reason":"%s"}]}}"""
                .formatted(status, message, reason))));

        dispatchUntilSettled("yt-cover-refused");

        Publication done = CalendarFixture.load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.failureReason).isNull();
        assertThat(done.coverState).isEqualTo(CoverState.REFUSED);
        assertThat(done.coverNote).contains(message, reason);
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        google.verify(1, postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(steps()).filteredOn(step -> step.startsWith("START")).containsExactly("START:OK");
        assertThat(steps()).contains("COVER:" + (status == 429 ? "RATE_LIMITED" : "INVALID"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).pausedUntil))
                .as("a refused cover pauses nothing").isNull();
        org.jsoup.nodes.Document page = publicationPage();
        assertThat(page.select("h1 .badge").text()).isEqualTo("Published");
        assertThat(page.select("dd.cover").text()).startsWith("Cover frame at 1.5 s: could not be set: YouTube: " + message);
    }

    @Test
    void aVideoFoundByTheLookupAfterTheFinalBytesTimedOutGetsItsCoverFrameBeforeItIsPublished() {
        long size = coverFramePublication();
        String found = "Vfeedc0ffee";
        String finalBytes = "^bytes \\d+-" + (size - 1) + "/" + size + "$";
        // YouTube creates the video from the last chunk but answers after Herald stopped waiting (timeout 3 s).
        google.stubFor(put(urlPathEqualTo(UPLOADS)).withQueryParam("upload_id", matching("S\\d+"))
                .withHeader("Content-Range", matching(finalBytes)).willReturn(created(found).withFixedDelay(6_000)));
        stubLookup(found);
        stubCoverAccepted();

        dispatchUntilSettled("yt-cover-lookup");

        Publication done = CalendarFixture.load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.platformVideoId).isEqualTo(found);
        assertThat(done.platformUrl).isEqualTo("https://www.youtube.com/shorts/" + found);
        assertThat(done.coverState).isEqualTo(CoverState.SET);
        assertThat(done.failureReason).isNull();
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", matching(finalBytes)));
        List<LoggedRequest> covers = google.findAll(postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(covers).hasSize(1);
        assertThat(covers.get(0).queryParameter("videoId").firstValue()).isEqualTo(found);
        assertThat(covers.get(0).queryParameter("uploadType").firstValue()).isEqualTo("media");
        assertThat(covers.get(0).getHeader("Content-Type")).isEqualTo("image/jpeg");
        assertThat(covers.get(0).getBody()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(steps()).as("one session, no finish: the cover between the lookup and the status check")
                .endsWith("SEND:UNKNOWN_OUTCOME", "LOOKUP:OK", "COVER:OK", "STATUS:OK").doesNotContain("FINISH:OK")
                .filteredOn(step -> step.startsWith("START")).containsExactly("START:OK");
        List<AuditEntry> moves = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = ?1 and subjectId = ?2 order by id", "PUBLICATION", id));
        assertThat(moves).extracting(entry -> entry.toState)
                .containsExactly("CLAIMED", "UPLOADING", "UNCONFIRMED", "PROCESSING", "PUBLISHED");
        assertThat(moves.get(3).comment).isEqualTo("The platform holds the video; Herald sets its cover frame.");
        org.jsoup.nodes.Document page = publicationPage();
        assertThat(page.select("h1 .badge").text()).isEqualTo("Published");
        assertThat(page.select("dd.cover").text()).isEqualTo("Cover frame at 1.5 s: set (YouTube shows the frame at 1.5 s"
                + " as the thumbnail of " + found + ".)");
    }

    /**
     * The due publication's video is a real 4 s clip and its variant shows the frame at 1.5 s as its cover; YouTube
     * keeps its upload sessions ({@link ResumableSessions}). Returns the clip's size.
     */
    private long coverFramePublication() {
        long content = QuarkusTransaction.requiringNew().call(() -> Publication.<Publication>findById(id).content.id);
        Path clip = TestVideos.vertical();
        DispatchFixture.attachClip(content, clip, 4);
        DispatchFixture.coverFrame(id, 1_500);
        long bytes;
        try {
            bytes = Files.size(clip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String size = String.valueOf(bytes);
        google.stubFor(post(urlPathEqualTo(UPLOADS)).withQueryParam("uploadType", equalTo("resumable"))
                .withHeader("X-Upload-Content-Length", equalTo(size))
                .withRequestBody(matchingJsonPath("$.snippet.tags[0]", equalTo(marker)))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
        google.stubFor(put(urlPathEqualTo(UPLOADS)).withQueryParam("upload_id", matching("S\\d+"))
                .withHeader("Content-Range", matching("^bytes (\\d+-\\d+|\\*)/" + size + "$"))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("status,processingDetails"))
                .willReturn(aResponse().withTransformers(ResumableSessions.NAME)));
        return bytes;
    }

    private MappingBuilder thumbnailsSet() {
        return post(urlPathEqualTo(THUMBNAILS)).withQueryParam("videoId", matching("V[0-9a-f]{10}"))
                .withQueryParam("uploadType", equalTo("media")).withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Type", equalTo("image/jpeg"));
    }

    private void stubCoverAccepted() {
        google.stubFor(thumbnailsSet().willReturn(json(200, """
                {"kind":"youtube#thumbnailSetResponse","items":[{"default":{"url":"https://i.ytimg.com/vi/V/default.jpg"}}]}""")));
    }

    private org.jsoup.nodes.Document publicationPage() {
        return CalendarFixture.member(brand, app.herald.account.Role.MARKETER).session().page("/calendar/publications/" + id);
    }

    private long quotaUnits() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Channel.getEntityManager().createNativeQuery(
                "SELECT coalesce(sum(units), 0) FROM youtube_quota WHERE bucket = 'general'").getSingleResult()).longValue());
    }

    private List<String> steps() {
        return QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id)).stream()
                .map(attempt -> attempt.step + ":" + attempt.outcome).toList();
    }

    private String session() {
        return "http://127.0.0.1:" + google.port() + UPLOADS + "?uploadType=resumable&upload_id=P" + id + "&part=snippet,status";
    }

    private void stubSession(String token) {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).withQueryParam("uploadType", equalTo("resumable"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Upload-Content-Length", equalTo(String.valueOf(SIZE)))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.tags[0]", equalTo(marker)))
                .willReturn(aResponse().withStatus(200).withHeader("Location", session())));
    }

    private void stubChunk(String token, int first, int last, ResponseDefinitionBuilder answer) {
        google.stubFor(put(urlPathEqualTo(UPLOADS)).withQueryParam("upload_id", equalTo("P" + id))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Range", equalTo("bytes " + first + "-" + last + "/" + SIZE))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, first, last + 1)))
                .willReturn(answer));
    }

    private MappingBuilder statusQuery(String token) {
        return put(urlPathEqualTo(UPLOADS)).withQueryParam("upload_id", equalTo("P" + id))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Range", matching("^bytes \\*/\\d+$"));
    }

    private void stubLookup(String videoId) {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("mine", equalTo("true"))
                .willReturn(json(200, """
                        {"items":[{"id":"UC-herald","contentDetails":{"relatedPlaylists":{"uploads":"UU-herald"}}}]}""")));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo("UU-herald"))
                .willReturn(json(200, """
                        {"items":[{"snippet":{"resourceId":{"videoId":"%s"}},"contentDetails":{"videoId":"%s"}}]}"""
                        .formatted(videoId, videoId))));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo(videoId))
                .willReturn(json(200, """
                        {"items":[{"id":"%s","snippet":{"tags":["%s"]},"status":{"uploadStatus":"processed"}}]}"""
                        .formatted(videoId, marker))));
    }

    private static ResponseDefinitionBuilder resume(int lastByte) {
        return aResponse().withStatus(308).withHeader("Range", "bytes=0-" + lastByte);
    }

    private static ResponseDefinitionBuilder created(String videoId) {
        return json(201, """
                {"kind":"youtube#video","id":"%s","status":{"uploadStatus":"uploaded","privacyStatus":"public"}}"""
                .formatted(videoId));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
