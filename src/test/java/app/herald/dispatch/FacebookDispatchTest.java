package app.herald.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import app.herald.calendar.CalendarFixture;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelTokens;
import app.herald.channel.SandboxFailureMode;
import app.herald.channel.facebook.FacebookStub;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unchanged dispatcher publishing through the Facebook Reels connector to a WireMock Meta: the stub's request
 * journal shows what was sent, so "one upload" is proved, not assumed.
 */
@QuarkusTest
@WithTestResource(FacebookStub.class)
class FacebookDispatchTest {

    private static final String V = "/" + FacebookStub.VERSION;
    private static final String PAGE = "104000000001";
    private static final String TOKEN = "page-token-1";
    private static final int SIZE = 600_000;

    @FacebookStub.Server
    WireMockServer meta;

    @Inject
    Dispatcher dispatcher;

    private long brand;
    private long channel;
    private long id;
    private byte[] video;
    private String videoId;

    @BeforeEach
    void duePublicationOnAConnectedPage() throws IOException {
        meta.resetAll();
        brand = DispatchFixture.brand();
        channel = DispatchFixture.connectedChannel(brand, Platform.FACEBOOK_REELS, 30, new ChannelTokens.Tokens(PAGE, TOKEN, null, null));
        id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), SIZE);
        video = Files.readAllBytes(DispatchFixture.videoFile(id));
        videoId = "88770" + id;
    }

    private void dispatchUntilSettled(String name) {
        for (int round = 0; round < 50 && dispatcher.round(name) > 0; round++) {
            // Each round claims afresh.
        }
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsReconciledByTheStatusAndPublishedWithoutASecondUpload() {
        String scenario = "publish";
        meta.stubFor(post(urlPathEqualTo(reels())).withRequestBody(matchingJsonPath("$.upload_phase", equalTo("start")))
                .withRequestBody(matchingJsonPath("$.access_token", equalTo(TOKEN)))
                .willReturn(json(200, "{\"video_id\":\"" + videoId + "\",\"upload_url\":\"http://127.0.0.1:" + meta.port()
                        + rupload() + "\"}")));
        stubChunk(0, json(200, "{\"success\":true}"));
        stubChunk(200_000, json(200, "{\"success\":true}"));
        // Facebook stores the final bytes but answers after Herald stopped waiting (the stub's timeout is 3 s).
        stubChunk(400_000, json(200, "{\"success\":true}").withFixedDelay(6_000));
        meta.stubFor(get(urlPathEqualTo(reels())).withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(200, "{\"data\":[],\"paging\":{}}")));
        meta.stubFor(get(urlPathEqualTo(V + "/" + videoId)).withQueryParam("fields", equalTo("status"))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status("upload_complete", "not_started", "draft")));
        meta.stubFor(post(urlPathEqualTo(reels())).withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo(videoId)).withFormParam("video_state", equalTo("PUBLISHED"))
                .withFormParam("access_token", equalTo(TOKEN))
                .inScenario(scenario).willReturn(json(200, "{\"success\":true}")).willSetStateTo("finished"));
        meta.stubFor(get(urlPathEqualTo(V + "/" + videoId)).withQueryParam("fields", equalTo("status"))
                .inScenario(scenario).whenScenarioStateIs("finished")
                .willReturn(status("ready", "complete", "published")));

        dispatchUntilSettled("fb-timeout");

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.platformVideoId).isEqualTo(videoId);
        assertThat(publication.platformUrl).isEqualTo("https://www.facebook.com/reel/" + videoId);
        meta.verify(1, postRequestedFor(urlPathEqualTo(reels())).withRequestBody(matchingJsonPath("$.upload_phase", equalTo("start"))));
        meta.verify(1, postRequestedFor(urlPathEqualTo(rupload())).withHeader("offset", equalTo("400000")));
        meta.verify(3, postRequestedFor(urlPathEqualTo(rupload())));
        meta.verify(1, postRequestedFor(urlPathEqualTo(reels())).withRequestBody(containing("upload_phase=finish")));
        assertThat(steps()).containsSubsequence("SEND:UNKNOWN_OUTCOME", "LOOKUP:OK", "STATUS:OK", "FINISH:OK", "STATUS:OK");
    }

    @Test
    void aBusinessUseCaseLimitPausesThePageUntilFacebookSaysWhileAnotherChannelPublishes() {
        meta.stubFor(post(urlPathEqualTo(reels())).willReturn(json(403, """
                {"error":{"message":"(#80001) There have been too many calls to this Page account.","type":"OAuthException",
                  "code":80001,"is_transient":true}}""")
                .withHeader("X-Business-Use-Case-Usage", """
                        {"%s":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":45}]}"""
                        .formatted(PAGE))));
        long sandbox = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long other = DispatchFixture.duePublication(brand, sandbox, Instant.now().minusSeconds(5), 10_000);
        Instant before = Instant.now();

        dispatchUntilSettled("fb-limit");

        Publication paused = CalendarFixture.load(id);
        assertThat(paused.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(paused.failureReason).contains("too many calls");
        assertThat(paused.nextAttemptAt).isBetween(before.plus(Duration.ofMinutes(45)), Instant.now().plus(Duration.ofMinutes(45)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).pausedUntil))
                .isEqualTo(paused.nextAttemptAt);
        assertThat(CalendarFixture.load(other).status).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aPageThatLetsFacebookPublishFinishesTheReelScheduledAtTheSlot() {
        Instant slot = Instant.now().plus(Duration.ofMinutes(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        DispatchFixture.uploadAhead(id, slot, 60);
        meta.stubFor(post(urlPathEqualTo(reels())).withRequestBody(matchingJsonPath("$.upload_phase", equalTo("start")))
                .willReturn(json(200, "{\"video_id\":\"" + videoId + "\",\"upload_url\":\"http://127.0.0.1:" + meta.port()
                        + rupload() + "\"}")));
        stubChunk(0, json(200, "{\"success\":true}"));
        stubChunk(200_000, json(200, "{\"success\":true}"));
        stubChunk(400_000, json(200, "{\"success\":true}"));
        meta.stubFor(post(urlPathEqualTo(reels())).withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo(videoId)).withFormParam("video_state", equalTo("SCHEDULED"))
                .withFormParam("scheduled_publish_time", equalTo(String.valueOf(slot.getEpochSecond())))
                .withFormParam("access_token", equalTo(TOKEN)).willReturn(json(200, "{\"success\":true}")));
        meta.stubFor(get(urlPathEqualTo(V + "/" + videoId)).withQueryParam("fields", equalTo("status"))
                .willReturn(status("ready", "not_started", "scheduled")));

        dispatchUntilSettled("fb-ahead");

        Publication ahead = CalendarFixture.load(id);
        assertThat(ahead.status).isEqualTo(PublicationStatus.SCHEDULED_ON_PLATFORM);
        assertThat(ahead.platformPublishAt).isEqualTo(slot);
        assertThat(ahead.platformUrl).isEqualTo("https://www.facebook.com/reel/" + videoId);
        meta.verify(1, postRequestedFor(urlPathEqualTo(reels())).withRequestBody(containing("video_state=SCHEDULED")));
        meta.verify(0, postRequestedFor(urlPathEqualTo(reels())).withRequestBody(containing("video_state=PUBLISHED")));
        assertThat(CalendarFixture.content(ahead.content.id).state).isEqualTo(app.herald.content.ContentState.PUBLISHING);
    }

    private List<String> steps() {
        return QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id)).stream()
                .map(attempt -> attempt.step + ":" + attempt.outcome).toList();
    }

    private static String reels() {
        return V + "/" + PAGE + "/video_reels";
    }

    private String rupload() {
        return "/video-upload" + V + "/" + videoId;
    }

    private void stubChunk(int offset, ResponseDefinitionBuilder answer) {
        meta.stubFor(post(urlPathEqualTo(rupload())).withHeader("Authorization", equalTo("OAuth " + TOKEN))
                .withHeader("offset", equalTo(String.valueOf(offset))).withHeader("file_size", equalTo(String.valueOf(SIZE)))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, offset, Math.min(SIZE, offset + FacebookStub.CHUNK))))
                .willReturn(answer));
    }

    private ResponseDefinitionBuilder status(String videoStatus, String publishing, String publishStatus) {
        return json(200, """
                {"status":{"video_status":"%s",
                  "uploading_phase":{"status":"complete","bytes_transfered":%d,"source_file_size":%d},
                  "processing_phase":{"status":"complete"},
                  "publishing_phase":{"status":"%s","publish_status":"%s"}},"id":"%s"}"""
                .formatted(videoStatus, SIZE, SIZE, publishing, publishStatus, videoId));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
