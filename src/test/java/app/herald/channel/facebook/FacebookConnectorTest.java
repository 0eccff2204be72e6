package app.herald.channel.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import app.herald.calendar.CalendarFixture;
import app.herald.channel.Channel;
import app.herald.channel.ChannelRef;
import app.herald.channel.ChannelStatus;
import app.herald.channel.ChannelTokens;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.Connectors;
import app.herald.channel.FailureClass;
import app.herald.channel.MetricsBatch;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.RemoteStatus;
import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Facebook Reels connector against a WireMock Meta built from platform-apis.md section 3: each stub matches the
 * documented method, path, parameters, headers and body, so a request that strays from the protocol finds no stub
 * and the test fails.
 */
@QuarkusTest
@WithTestResource(FacebookStub.class)
class FacebookConnectorTest {

    private static final String V = "/" + FacebookStub.VERSION;
    private static final String PAGE = "104000000001";
    private static final String VIDEO = "887700112233";
    private static final String TOKEN = "page-token-1";
    private static final String REELS = V + "/" + PAGE + "/video_reels";
    private static final String RUPLOAD = "/video-upload" + V + "/" + VIDEO;
    private static final int SIZE = 500_000;
    private static final String TITLE = "Spring in three steps";
    private static final String CAPTION = "You won't believe step two. Share with friends! #spring";
    private static final String WITHOUT_IMPRESSIONS = "^blue_reels_play_count,((?!post_impressions_unique).)*$";

    @FacebookStub.Server
    WireMockServer meta;

    @Inject
    FacebookConnector facebook;

    @Inject
    Connectors connectors;

    @Inject
    ChannelTokens tokens;

    private ChannelRef channel;
    private final byte[] video = new byte[SIZE];
    private PublishRequest request;

    @BeforeEach
    void connectedPage() {
        meta.resetAll();
        long brand = CalendarFixture.brand("UTC");
        long channelId = CalendarFixture.channel(brand, Platform.FACEBOOK_REELS, "UTC", 30, 0, ChannelStatus.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(channelId).sandbox = false);
        channel = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(channelId)));
        // A Page token has no refresh token and no expiry (platform-apis.md 3.1).
        tokens.store(channelId, new ChannelTokens.Tokens(PAGE, TOKEN, null, null));
        new Random(channelId).nextBytes(video);
        request = new PublishRequest(channelId * 10, channel, Path.of("unused.mp4"), SIZE, "video/mp4", TITLE, CAPTION,
                "herald-" + channelId + "-" + System.nanoTime());
    }

    @Test
    void servesRealFacebookPagesOnlyAndTakesTheConfiguredChunkSize() {
        assertThat(connectors.forChannel(channel)).containsSame(facebook);
        assertThat(facebook.serves(new ChannelRef(1, "1-1", Platform.FACEBOOK_REELS, true, "Sandbox", null, 0))).isFalse();
        assertThat(facebook.serves(new ChannelRef(1, "1-1", Platform.TIKTOK, false, "TikTok", null, 0))).isFalse();
        assertThat(facebook.chunkSize()).isEqualTo(FacebookStub.CHUNK);
    }

    @Test
    void happyPathStartsUploadsEveryChunkPublishesAndSeesTheReelPublished() throws Exception {
        stubStart();
        stubChunk(0, success());
        stubChunk(200_000, success());
        stubChunk(400_000, success());
        stubFinish(json(200, "{\"success\":true}"));
        stubStatus(status("ready", "complete", SIZE, "complete", "complete", "published"));

        PlatformHandle handle = facebook.start(request);
        assertThat(handle).isEqualTo(new PlatformHandle(VIDEO, 0, null));
        handle = uploadAll(handle);
        assertThat(handle.offset()).isEqualTo(SIZE);
        handle = facebook.finish(request, handle);
        assertThat(handle.videoId()).isEqualTo(VIDEO);
        RemoteStatus remote = facebook.status(request, handle);

        assertThat(remote.state()).isEqualTo(RemoteStatus.State.PUBLISHED);
        assertThat(remote.url()).isEqualTo("https://www.facebook.com/reel/" + VIDEO);
        meta.verify(1, postRequestedFor(urlPathEqualTo(REELS)).withRequestBody(matchingJsonPath("$.upload_phase", equalTo("start"))));
        meta.verify(3, postRequestedFor(urlPathEqualTo(RUPLOAD)));
        meta.verify(postRequestedFor(urlPathEqualTo(RUPLOAD)).withHeader("offset", equalTo("400000"))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, 400_000, SIZE))));
    }

    @Test
    void theFinishCarriesTheDocumentedParametersAndTheCaption() throws Exception {
        stubFinish(json(200, "{\"success\":true}"));

        facebook.finish(request, new PlatformHandle(VIDEO, SIZE, null));

        meta.verify(postRequestedFor(urlPathEqualTo(REELS))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo(VIDEO))
                .withFormParam("video_state", equalTo("PUBLISHED"))
                .withFormParam("description", equalTo(CAPTION))
                .withFormParam("title", equalTo(TITLE))
                .withFormParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void aReelTheChannelLetsFacebookPublishIsFinishedScheduledAtTheSlotAndIsScheduledUntilThen() throws Exception {
        Instant slot = Instant.parse("2031-05-04T17:30:00Z");
        meta.stubFor(post(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo(VIDEO)).withFormParam("video_state", equalTo("SCHEDULED"))
                .withFormParam("scheduled_publish_time", equalTo(String.valueOf(slot.getEpochSecond())))
                .withFormParam("access_token", equalTo(TOKEN)).willReturn(success()));

        PlatformHandle finished = facebook.finish(request.publishedAt(slot), new PlatformHandle(VIDEO, SIZE, null));

        assertThat(finished.videoId()).isEqualTo(VIDEO);
        meta.verify(postRequestedFor(urlPathEqualTo(REELS)).withFormParam("description", equalTo(CAPTION))
                .withFormParam("video_state", equalTo("SCHEDULED")));
        stubStatus(status("ready", "complete", SIZE, "complete", "not_started", "scheduled"));
        RemoteStatus waiting = facebook.status(request, finished);
        assertThat(waiting.state()).isEqualTo(RemoteStatus.State.SCHEDULED);
        assertThat(waiting.url()).isEqualTo("https://www.facebook.com/reel/" + VIDEO);
        stubStatus(status("ready", "complete", SIZE, "complete", "complete", "published"));
        assertThat(facebook.status(request, finished).state()).isEqualTo(RemoteStatus.State.PUBLISHED);
    }

    @Test
    void aDroppedChunkResumesFromTheOffsetFacebookReports() throws Exception {
        stubChunk(0, success());
        // The connection drops during the second chunk; Facebook kept 300 000 bytes, not 200 000 nor 400 000.
        stubChunk(200_000, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stubStatus(status("uploading", "in_progress", 300_000, "not_started", "not_started", "draft"));
        stubChunk(300_000, success());

        PlatformHandle handle = facebook.send(request, new PlatformHandle(VIDEO, 0, null), chunk(0));
        assertThat(handle.offset()).isEqualTo(200_000);
        handle = facebook.send(request, handle, chunk(handle.offset()));
        assertThat(handle.offset()).isEqualTo(300_000);
        handle = facebook.send(request, handle, chunk(handle.offset()));

        assertThat(handle.offset()).isEqualTo(500_000);
        meta.verify(postRequestedFor(urlPathEqualTo(RUPLOAD)).withHeader("offset", equalTo("300000"))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, 300_000, 500_000))));
    }

    @Test
    void aRefusedOffsetIsCorrectedFromTheBytesFacebookHolds() throws Exception {
        stubChunk(200_000, json(400, """
                {"debug_info":{"retriable":false,"type":"OffsetInvalidError","message":"Request starting offset is invalid"}}"""));
        stubStatus(status("uploading", "in_progress", 150_000, "not_started", "not_started", "draft"));

        PlatformHandle handle = facebook.send(request, new PlatformHandle(VIDEO, 200_000, null), chunk(200_000));

        assertThat(handle.offset()).isEqualTo(150_000);
    }

    @Test
    void anInvalidPageTokenIsAnAuthFailureAndCannotBeRenewed() {
        String expired = """
                {"error":{"message":"Error validating access token: Session has expired on Tuesday, 04-Jul-23 02:11:32 PDT.",
                  "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AXS25JPViBb5AY5tP5EzTnD"}}""";
        stubFinish(json(400, expired));
        meta.stubFor(get(urlPathEqualTo(V + "/" + PAGE)).withQueryParam("fields", equalTo("id"))
                .withQueryParam("access_token", equalTo(TOKEN)).willReturn(json(400, expired)));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> facebook.finish(request, new PlatformHandle(VIDEO, SIZE, null)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.code()).isEqualTo("190/463");
        assertThat(failure.getMessage()).contains("Session has expired");
        assertThat(refresh()).isFalse();
    }

    @Test
    void aPageTokenThatStillOpensThePageIsKept() throws Exception {
        meta.stubFor(get(urlPathEqualTo(V + "/" + PAGE)).withQueryParam("fields", equalTo("id"))
                .withQueryParam("access_token", equalTo(TOKEN)).willReturn(json(200, "{\"id\":\"" + PAGE + "\"}")));

        assertThat(facebook.refresh(channel)).isTrue();
        assertThat(tokens.find(channel.id()).orElseThrow().accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void aBusinessUseCaseLimitPausesUntilFacebookSaysAccessReturns() {
        stubFinish(json(403, """
                {"error":{"message":"(#80001) There have been too many calls to this Page account.","type":"OAuthException",
                  "code":80001,"is_transient":true,"fbtrace_id":"B1"}}""")
                .withHeader("X-Business-Use-Case-Usage", """
                        {"%s":[{"type":"pages","call_count":100,"total_cputime":23,"total_time":23,"estimated_time_to_regain_access":17}]}"""
                        .formatted(PAGE)));

        Instant before = Instant.now();
        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> facebook.finish(request, new PlatformHandle(VIDEO, SIZE, null)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.retryAt()).isBetween(before.plus(Duration.ofMinutes(17)), Instant.now().plus(Duration.ofMinutes(17)));
        assertThat(failure.getMessage()).contains("too many calls").contains("17 min");
    }

    @Test
    void aFullAppUsageHeaderIsARateLimitEvenWithoutAThrottlingCode() {
        stubFinish(json(400, """
                {"error":{"message":"Please reduce the amount of data you're asking for","type":"OAuthException","code":1}}""")
                .withHeader("X-App-Usage", "{\"call_count\":100,\"total_time\":25,\"total_cputime\":25}"));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> facebook.finish(request, new PlatformHandle(VIDEO, SIZE, null)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.retryAt()).isNull();
    }

    @Test
    void aTransientServerErrorIsRetriedLaterAndAWrongParameterFailsWithFacebooksMessage() {
        stubStart(json(500, """
                {"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException",
                  "code":2,"is_transient":true,"fbtrace_id":"T1"}}"""));
        ConnectorFailure outage = catchThrowableOfType(ConnectorFailure.class, () -> facebook.start(request));
        assertThat(outage.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(outage.httpStatus()).isEqualTo(500);

        stubFinish(json(400, """
                {"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":1363128,
                  "error_user_title":"Duration unsupported","error_user_msg":"The reel must be 3 to 90 seconds long.",
                  "is_transient":false,"fbtrace_id":"I1"}}"""));
        ConnectorFailure invalid = catchThrowableOfType(ConnectorFailure.class,
                () -> facebook.finish(request, new PlatformHandle(VIDEO, SIZE, null)));
        assertThat(invalid.failureClass()).isEqualTo(FailureClass.INVALID);
        assertThat(invalid.code()).isEqualTo("100/1363128");
        assertThat(invalid.getMessage()).isEqualTo("Facebook: The reel must be 3 to 90 seconds long. (100/1363128).");
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsAnUnknownOutcomeThatTheStatusResolvesWithoutASecondUpload() throws Exception {
        // Facebook stores the last bytes but answers after Herald stopped waiting (the stub's timeout is 3 s).
        stubChunk(400_000, success().withFixedDelay(6_000));
        stubReels("[]");
        stubStatus(status("upload_complete", "complete", SIZE, "not_started", "not_started", "draft"));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> facebook.send(request, new PlatformHandle(VIDEO, 400_000, null), chunk(400_000)));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.UNKNOWN_OUTCOME);
        assertThat(facebook.lookup(request)).isEmpty();
        RemoteStatus remote = facebook.status(request, new PlatformHandle(VIDEO, 400_000, null));

        // All bytes are there and nothing is published yet: the next step is finish, not another upload.
        assertThat(remote.state()).isEqualTo(RemoteStatus.State.UPLOADING);
        assertThat(remote.bytesReceived()).isEqualTo(SIZE);
        meta.verify(1, postRequestedFor(urlPathEqualTo(RUPLOAD)));
    }

    @Test
    void theLookupFindsThePublishedReelByItsDescription() throws Exception {
        stubReels("""
                [{"id":"111","description":"An older reel","updated_time":"2026-12-01T10:00:00+0000"},
                 {"id":"%s","description":"%s","created_time":"2026-12-07T10:00:00+0000"}]""".formatted(VIDEO, CAPTION));
        stubStatus(status("ready", "complete", SIZE, "complete", "complete", "published"));

        Optional<RemoteStatus> found = facebook.lookup(request);

        assertThat(found).hasValueSatisfying(remote -> {
            assertThat(remote.state()).isEqualTo(RemoteStatus.State.PUBLISHED);
            assertThat(remote.videoId()).isEqualTo(VIDEO);
        });
        meta.verify(getRequestedFor(urlPathEqualTo(REELS)).withQueryParam("since", matching("\\d+"))
                .withQueryParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void processingIsFollowedUntilPublishedAndARefusedReelFailsWithFacebooksReason() throws Exception {
        PlatformHandle finished = new PlatformHandle(VIDEO, SIZE, VIDEO);
        stubStatus(status("processing", "complete", SIZE, "in_progress", "not_started", "draft"));
        assertThat(facebook.status(request, finished).state()).isEqualTo(RemoteStatus.State.PROCESSING);

        stubStatus(json(200, """
                {"status":{"video_status":"error","uploading_phase":{"status":"complete","bytes_transfered":%d},
                  "processing_phase":{"status":"error","errors":[{"code":1363127,
                    "message":"Resolution too low. Video must have a minimum resolution of 540p."}]},
                  "publishing_phase":{"status":"not_started","publish_status":"draft"}},"id":"%s"}""".formatted(SIZE, VIDEO)));
        RemoteStatus refused = facebook.status(request, finished);
        assertThat(refused.state()).isEqualTo(RemoteStatus.State.FAILED);
        assertThat(refused.message()).contains("Resolution too low");
    }

    @Test
    void aRetiredMetricIsDroppedWhileTheOthersAreImported() throws Exception {
        String insights = V + "/" + VIDEO + "/video_insights";
        meta.stubFor(get(urlPathEqualTo(insights)).withQueryParam("metric", matching(".*post_impressions_unique.*"))
                .withQueryParam("period", equalTo("lifetime")).withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(400, """
                        {"error":{"message":"(#100) The value must be a valid insights metric: post_impressions_unique",
                          "type":"OAuthException","code":100,"fbtrace_id":"M1"}}""")));
        // Whatever else an earlier test saw Facebook refuse, every metric but the retired one is asked for.
        meta.stubFor(get(urlPathEqualTo(insights)).withQueryParam("metric", matching(WITHOUT_IMPRESSIONS))
                .withQueryParam("period", equalTo("lifetime")).withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(200, """
                        {"data":[{"name":"blue_reels_play_count","period":"lifetime","values":[{"value":5285}]},
                          {"name":"post_video_likes_by_reaction_type","period":"lifetime","values":[{"value":{"REACTION_LIKE":40,"REACTION_LOVE":2}}]},
                          {"name":"post_video_social_actions","period":"lifetime","values":[{"value":{"COMMENT":2,"SHARE":4}}]},
                          {"name":"post_video_view_time","period":"lifetime","values":[{"value":3600500}]},
                          {"name":"post_video_avg_time_watched","period":"lifetime","values":[{"value":6500}]}],
                         "paging":{}}""")));

        MetricsBatch batch = facebook.metrics(channel, List.of(VIDEO));
        VideoMetrics metrics = batch.videos().get(VIDEO);

        assertThat(batch.dropped()).singleElement().asString().startsWith("post_impressions_unique");
        assertThat(metrics.views()).isEqualTo(5285);
        assertThat(metrics.likes()).isEqualTo(42);
        assertThat(metrics.comments()).isEqualTo(2);
        assertThat(metrics.shares()).isEqualTo(4);
        assertThat(metrics.watchTimeSeconds()).isEqualTo(3600);
        assertThat(metrics.averageViewSeconds()).isEqualTo(6.5);
        // Retired, and one Facebook gave no value for: empty, not zero.
        assertThat(metrics.reach()).isNull();
        assertThat(metrics.followersGained()).isNull();
        assertThat(metrics.asOf()).isAfter(Instant.now().minusSeconds(60));

        assertThat(facebook.metrics(channel, List.of(VIDEO)).dropped()).singleElement().asString()
                .startsWith("post_impressions_unique");
        // The retired metric is not asked for again: one refusal in all, two successful fetches.
        meta.verify(1, getRequestedFor(urlPathEqualTo(insights)).withQueryParam("metric", matching(".*post_impressions_unique.*")));
        meta.verify(2, getRequestedFor(urlPathEqualTo(insights)).withQueryParam("metric", matching(WITHOUT_IMPRESSIONS)));
    }

    @Test
    void aVideoFacebookNoLongerShowsIsLeftOutWithoutRetiringAnyMetric() throws Exception {
        String gone = V + "/999000111/video_insights";
        meta.stubFor(get(urlPathEqualTo(gone)).willReturn(json(400, """
                {"error":{"message":"(#100) Unsupported get request. Object with ID '999000111' does not exist",
                  "type":"GraphMethodException","code":100,"fbtrace_id":"M3"}}""")));
        meta.stubFor(get(urlPathEqualTo(V + "/" + VIDEO + "/video_insights")).withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(200, """
                        {"data":[{"name":"blue_reels_play_count","period":"lifetime","values":[{"value":12}]},
                          {"name":"post_video_followers","period":"lifetime","values":[{"value":3}]}]}""")));

        MetricsBatch batch = facebook.metrics(channel, List.of("999000111", VIDEO));

        assertThat(batch.videos().keySet()).containsExactly(VIDEO);
        assertThat(batch.videos().get(VIDEO).views()).isEqualTo(12);
        // Refused for every metric means the video is gone: blue_reels_play_count is still asked for and reported.
        assertThat(batch.dropped()).noneMatch(dropped -> dropped.startsWith("blue_reels_play_count"));
    }

    @Test
    void aRefusalThatNamesNoMetricIsNarrowedDownMetricByMetric() throws Exception {
        String insights = V + "/" + VIDEO + "/video_insights";
        String refused = """
                {"error":{"message":"(#100) Invalid metric","type":"OAuthException","code":100,"fbtrace_id":"M2"}}""";
        meta.stubFor(get(urlPathEqualTo(insights)).withQueryParam("metric", matching(".*post_video_followers.*"))
                .willReturn(json(400, refused)));
        meta.stubFor(get(urlPathEqualTo(insights)).withQueryParam("metric", matching("^((?!post_video_followers).)*$"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(200, """
                        {"data":[{"name":"blue_reels_play_count","period":"lifetime","values":[{"value":77}]}]}""")));

        VideoMetrics metrics = facebook.metrics(channel, List.of(VIDEO)).videos().get(VIDEO);

        assertThat(metrics.views()).isEqualTo(77);
        assertThat(metrics.followersGained()).isNull();
        meta.verify(getRequestedFor(urlPathEqualTo(insights)).withQueryParam("metric", equalTo("post_video_followers")));
        meta.verify(getRequestedFor(urlPathEqualTo(insights)).withQueryParam("metric", equalTo("blue_reels_play_count")));
    }

    @Test
    void aDescriptionSeveralReelsShareOrNoDescriptionFindsNothing() throws Exception {
        stubReels("""
                [{"id":"111","description":"%s"},{"id":"222","description":"%s"}]""".formatted(CAPTION, CAPTION));
        assertThat(facebook.lookup(request)).isEmpty();

        PublishRequest blank = new PublishRequest(request.publicationId(), channel, request.file(), SIZE, "video/mp4",
                TITLE, "", request.marker());
        assertThat(facebook.lookup(blank)).isEmpty();
        meta.verify(1, getRequestedFor(urlPathEqualTo(REELS)));
    }

    private boolean refresh() {
        try {
            return facebook.refresh(channel);
        } catch (ConnectorFailure failure) {
            throw new AssertionError(failure);
        }
    }

    private PlatformHandle uploadAll(PlatformHandle handle) throws ConnectorFailure {
        while (handle.offset() < SIZE) {
            handle = facebook.send(request, handle, chunk(handle.offset()));
        }
        return handle;
    }

    private byte[] chunk(long offset) {
        return Arrays.copyOfRange(video, (int) offset, (int) Math.min(SIZE, offset + FacebookStub.CHUNK));
    }

    private void stubStart() {
        stubStart(json(200, """
                {"video_id":"%s","upload_url":"http://127.0.0.1:%d%s"}""".formatted(VIDEO, meta.port(), RUPLOAD)));
    }

    /** {@code upload_phase=start} as the contract's step 1 shows it: a JSON body with the Page token. */
    private void stubStart(ResponseDefinitionBuilder answer) {
        meta.stubFor(post(urlPathEqualTo(REELS)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.upload_phase", equalTo("start")))
                .withRequestBody(matchingJsonPath("$.access_token", equalTo(TOKEN)))
                .willReturn(answer));
    }

    /** A rupload POST, matched on its documented headers, its offset and the exact bytes from there. */
    private void stubChunk(int offset, ResponseDefinitionBuilder answer) {
        meta.stubFor(rupload(offset).willReturn(answer));
    }

    private MappingBuilder rupload(int offset) {
        return post(urlPathEqualTo(RUPLOAD))
                .withHeader("Authorization", equalTo("OAuth " + TOKEN))
                .withHeader("offset", equalTo(String.valueOf(offset)))
                .withHeader("file_size", equalTo(String.valueOf(SIZE)))
                .withHeader("Content-Type", equalTo("application/octet-stream"))
                .withRequestBody(binaryEqualTo(chunk(offset)));
    }

    private MappingBuilder finish() {
        return post(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo(VIDEO)).withFormParam("video_state", equalTo("PUBLISHED"))
                .withFormParam("access_token", equalTo(TOKEN));
    }

    private void stubFinish(ResponseDefinitionBuilder answer) {
        meta.stubFor(finish().willReturn(answer));
    }

    private void stubStatus(ResponseDefinitionBuilder answer) {
        meta.stubFor(get(urlPathEqualTo(V + "/" + VIDEO)).withQueryParam("fields", equalTo("status"))
                .withQueryParam("access_token", equalTo(TOKEN)).willReturn(answer));
    }

    private void stubReels(String data) {
        meta.stubFor(get(urlPathEqualTo(REELS)).withQueryParam("fields", equalTo("id,description,created_time"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(json(200, "{\"data\":" + data + ",\"paging\":{}}")));
    }

    private static ResponseDefinitionBuilder status(String videoStatus, String uploading, long bytes, String processing,
            String publishing, String publishStatus) {
        return json(200, """
                {"status":{"video_status":"%s",
                  "uploading_phase":{"status":"%s","bytes_transfered":%d,"source_file_size":%d},
                  "processing_phase":{"status":"%s"},
                  "publishing_phase":{"status":"%s","publish_status":"%s","publish_time":1700000000}},
                 "id":"%s"}""".formatted(videoStatus, uploading, bytes, SIZE, processing, publishing, publishStatus, VIDEO));
    }

    private static ResponseDefinitionBuilder success() {
        return json(200, "{\"success\":true}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
