package app.herald.channel.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

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
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import app.herald.system.StartupFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The TikTok connector against a WireMock TikTok built from platform-apis.md section 2: each stub matches the
 * documented method, path, query, headers and body, so a request that strays from the protocol finds no stub and the
 * test fails.
 */
@QuarkusTest
@WithTestResource(TikTokStub.class)
class TikTokConnectorTest {

    private static final String CREATOR = "/v2/post/publish/creator_info/query/";
    private static final String INIT = "/v2/post/publish/video/init/";
    private static final String STATUS = "/v2/post/publish/status/fetch/";
    private static final String UPLOAD = "/video/";
    private static final String TOKEN = "/v2/oauth/token/";
    private static final String CAPTION = "Wait for the last one 👀 #springtips #fyp Which one do you try first?";
    private static final int MIB5 = TikTokStub.CHUNK;

    @TikTokStub.Server
    WireMockServer tiktok;

    @Inject
    TikTokConnector connector;

    @Inject
    Connectors connectors;

    @Inject
    ChannelTokens tokens;

    private long channelId;
    private ChannelRef channel;
    private String publishId;
    private String uploadRef;

    @BeforeEach
    void connectedChannel() {
        tiktok.resetAll();
        long brand = CalendarFixture.brand("UTC");
        channelId = CalendarFixture.channel(brand, Platform.TIKTOK, "UTC", 10, 0, ChannelStatus.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(channelId).sandbox = false);
        channel = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(channelId)));
        tokens.store(channelId, new ChannelTokens.Tokens("open-id-1", "act.1", "rft.1", Instant.now().plus(Duration.ofHours(2))));
        publishId = "v_pub_file~v2-1." + channelId;
        uploadRef = publishId + " " + uploadUrl();
    }

    @Test
    void servesRealTikTokChannelsOnlyAndTakesTheConfiguredChunkSize() {
        assertThat(connectors.forChannel(channel)).containsSame(connector);
        assertThat(connector.serves(new ChannelRef(1, "1-1", Platform.TIKTOK, true, "Sandbox", null, 0))).isFalse();
        assertThat(connector.serves(new ChannelRef(1, "1-1", Platform.YOUTUBE_SHORTS, false, "YouTube", null, 0))).isFalse();
        assertThat(connector.chunkSize()).isEqualTo(5_242_880);
    }

    @Test
    void aChunkSizeOutsideTikToksFiveTo64MbStopsTheStart() {
        for (String size : new String[] {"1048576", "67108864"}) {
            HeraldConfig config = new SmallRyeConfigBuilder().withMapping(HeraldConfig.class)
                    .withDefaultValue("herald.tiktok.chunk-size", size).build().getConfigMapping(HeraldConfig.class);

            assertThatThrownBy(() -> new TikTokConnector(config, tokens)).isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("herald.tiktok.chunk-size is " + size).hasMessageContaining("5 MB to 64 MB");
        }
    }

    @Test
    void happyPathAsksTheCreatorOpensTheDirectPostSendsOneChunkAndFindsThePost() throws Exception {
        byte[] video = video(3_000_000);
        PublishRequest request = request(video);
        stubCreator("""
                ["PUBLIC_TO_EVERYONE","MUTUAL_FOLLOW_FRIENDS","SELF_ONLY"]""", false, false, true);
        stubInit();
        stubChunk(video, 0, 2_999_999, aResponse().withStatus(201));
        stubStatus(ok("""
                {"status":"PUBLISH_COMPLETE","fail_reason":"","publicaly_available_post_id":[7123456789012345678],
                 "uploaded_bytes":3000000,"downloaded_bytes":0}"""));
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/query/")).withQueryParam("fields", equalTo("id,share_url"))
                .withRequestBody(equalToJson("""
                        {"filters":{"video_ids":["7123456789012345678"]}}"""))
                .willReturn(ok("""
                        {"videos":[{"id":"7123456789012345678",
                          "share_url":"https://www.tiktok.com/@herald/video/7123456789012345678"}]}""")));

        PlatformHandle handle = connector.start(request);
        assertThat(handle).isEqualTo(new PlatformHandle(uploadRef, 0, null));
        handle = connector.send(request, handle, video);
        assertThat(handle.offset()).isEqualTo(3_000_000);
        handle = connector.finish(request, handle);
        assertThat(handle.videoId()).as("until TikTok names a post, the publish_id does").isEqualTo(publishId);
        RemoteStatus status = connector.status(request, handle);

        assertThat(status.state()).isEqualTo(RemoteStatus.State.PUBLISHED);
        assertThat(status.videoId()).isEqualTo("7123456789012345678");
        assertThat(status.url()).isEqualTo("https://www.tiktok.com/@herald/video/7123456789012345678");
        tiktok.verify(1, postRequestedFor(urlPathEqualTo(CREATOR)).withHeader("Authorization", equalTo("Bearer act.1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8")));
        // A file under 5 MB goes in one chunk whose size is the file's.
        tiktok.verify(1, postRequestedFor(urlPathEqualTo(INIT))
                .withHeader("Authorization", equalTo("Bearer act.1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(matchingJsonPath("$.post_info.title", equalTo(CAPTION)))
                .withRequestBody(matchingJsonPath("$.post_info.privacy_level", equalTo("PUBLIC_TO_EVERYONE")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_comment", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_duet", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_stitch", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.post_info.brand_content_toggle", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.source_info.source", equalTo("FILE_UPLOAD")))
                .withRequestBody(matchingJsonPath("$.source_info.video_size", equalTo("3000000")))
                .withRequestBody(matchingJsonPath("$.source_info.chunk_size", equalTo("3000000")))
                .withRequestBody(matchingJsonPath("$.source_info.total_chunk_count", equalTo("1"))));
        tiktok.verify(1, putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Authorization", absent()));
        tiktok.verify(postRequestedFor(urlPathEqualTo(STATUS)).withRequestBody(equalToJson("""
                {"publish_id":"%s"}""".formatted(publishId))));
    }

    @Test
    void aLargeFileGoesInFloorSizeOverChunkChunksAndTheLastAbsorbsTheRemainder() throws Exception {
        byte[] video = video(16_000_000);
        PublishRequest request = request(video);
        stubCreator("""
                ["PUBLIC_TO_EVERYONE","SELF_ONLY"]""", false, false, false);
        stubInit();
        stubChunk(video, 0, MIB5 - 1, aResponse().withStatus(206));
        stubChunk(video, MIB5, 2 * MIB5 - 1, aResponse().withStatus(206));
        stubChunk(video, 2 * MIB5, 15_999_999, aResponse().withStatus(201));

        PlatformHandle handle = uploadAll(request, video, connector.start(request));

        assertThat(handle.offset()).isEqualTo(16_000_000);
        tiktok.verify(postRequestedFor(urlPathEqualTo(INIT))
                .withRequestBody(matchingJsonPath("$.source_info.video_size", equalTo("16000000")))
                .withRequestBody(matchingJsonPath("$.source_info.chunk_size", equalTo(String.valueOf(MIB5))))
                .withRequestBody(matchingJsonPath("$.source_info.total_chunk_count", equalTo("3"))));
        tiktok.verify(3, putRequestedFor(urlPathEqualTo(UPLOAD)));
        // 16 000 000 = 3 x 5 242 880 + 271 360: no fourth chunk, the third carries 5 514 240 bytes.
        tiktok.verify(putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Length", equalTo("5514240")));
    }

    @Test
    void aDroppedChunkIsSentAgainFromWhatTikTokCounted() throws Exception {
        byte[] video = video(16_000_000);
        PublishRequest request = request(video);
        String scenario = "dropped chunk";
        stubChunk(video, 0, MIB5 - 1, aResponse().withStatus(206));
        tiktok.stubFor(chunk(video, MIB5, 2 * MIB5 - 1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("dropped"));
        stubStatus(ok("""
                {"status":"PROCESSING_UPLOAD","uploaded_bytes":%d,"downloaded_bytes":0}""".formatted(MIB5)));
        tiktok.stubFor(chunk(video, MIB5, 2 * MIB5 - 1).inScenario(scenario).whenScenarioStateIs("dropped")
                .willReturn(aResponse().withStatus(206)));
        stubChunk(video, 2 * MIB5, 15_999_999, aResponse().withStatus(201));

        PlatformHandle handle = connector.send(request, new PlatformHandle(uploadRef, 0, null), Arrays.copyOf(video, MIB5));
        assertThat(handle.offset()).isEqualTo(MIB5);
        handle = connector.send(request, handle, Arrays.copyOfRange(video, MIB5, 2 * MIB5));
        assertThat(handle.offset()).as("TikTok holds the first chunk only: the second is sent again").isEqualTo(MIB5);
        handle = uploadAll(request, video, handle);

        assertThat(handle.offset()).isEqualTo(16_000_000);
        tiktok.verify(2, putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Range",
                equalTo("bytes 5242880-10485759/16000000")));
        tiktok.verify(1, putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Range",
                equalTo("bytes 10485760-15999999/16000000")));
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRotatedRefreshTokenAndThePostGoesOn() throws Exception {
        byte[] video = video(1_000_000);
        PublishRequest request = request(video);
        tiktok.stubFor(post(urlPathEqualTo(CREATOR)).withHeader("Authorization", equalTo("Bearer act.1"))
                .willReturn(json(401, """
                        {"data":{},"error":{"code":"access_token_invalid",
                          "message":"The access token is invalid or not found in the request.","log_id":"L1"}}""")));
        stubToken(json(200, """
                {"access_token":"act.2","expires_in":7200,"open_id":"open-id-1","refresh_expires_in":15552000,
                 "refresh_token":"rft.2","scope":"user.info.basic,video.publish,video.list","token_type":"Bearer"}"""));
        stubCreator("act.2", """
                ["SELF_ONLY"]""", false, false, false);
        stubInit("act.2");

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.getMessage()).contains("The access token is invalid");

        Instant before = Instant.now();
        assertThat(connector.refresh(channel)).isTrue();
        assertThat(connector.start(request).uploadRef()).isEqualTo(uploadRef);

        ChannelTokens.Tokens stored = tokens.find(channelId).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("act.2");
        assertThat(stored.refreshToken()).as("TikTok rotates refresh tokens").isEqualTo("rft.2");
        assertThat(stored.expiresAt()).isBetween(before.plusSeconds(7190), Instant.now().plusSeconds(7200));
        tiktok.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("client_key", equalTo(TikTokStub.CLIENT_KEY))
                .withFormParam("client_secret", equalTo(TikTokStub.CLIENT_SECRET))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("rft.1")));
    }

    @Test
    void aTokenAboutToExpireIsRefusedBeforeAnyCall() {
        tokens.store(channelId, new ChannelTokens.Tokens("open-id-1", "act.1", "rft.1", Instant.now().plusSeconds(30)));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request(video(10))));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.code()).isEqualTo("token_expired");
        assertThat(tiktok.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefreshAnswerWithoutANewRefreshTokenKeepsTheStoredOne() throws Exception {
        stubToken(json(200, """
                {"access_token":"act.2","expires_in":7200,"open_id":"open-id-1","token_type":"Bearer"}"""));

        assertThat(connector.refresh(channel)).isTrue();

        assertThat(tokens.find(channelId).orElseThrow().refreshToken()).isEqualTo("rft.1");
    }

    @ParameterizedTest
    @CsvSource({"200", "400"})
    void aRevokedRefreshTokenMeansReconnectingWhateverTheHttpStatus(int status) throws Exception {
        stubToken(json(status, """
                {"error":"invalid_grant","error_description":"Refresh token is invalid or expired.","log_id":"L2"}"""));

        assertThat(connector.refresh(channel)).isFalse();

        assertThat(tokens.find(channelId).orElseThrow().accessToken()).isEqualTo("act.1");
    }

    @Test
    void aTokenEndpointOutageIsTransientAndABadAppIsAnAuthFailureNamingTheSettings() {
        stubToken(json(503, "<html>Service Unavailable</html>"));
        assertThat(catchThrowableOfType(ConnectorFailure.class, () -> connector.refresh(channel)).failureClass())
                .isEqualTo(FailureClass.TRANSIENT);

        tiktok.resetAll();
        stubToken(json(200, """
                {"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"L3"}"""));
        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> connector.refresh(channel));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.getMessage()).contains("Client key or secret is incorrect.").contains("herald.tiktok.client-key");
    }

    @Test
    void aRateLimitPausesUntilTikTokResetsAndADailyCapForADay() {
        PublishRequest request = request(video(10));
        tiktok.stubFor(post(urlPathEqualTo(CREATOR)).willReturn(json(429, """
                {"data":{},"error":{"code":"rate_limit_exceeded","message":"Too many requests.","log_id":"L4"}}""")
                .withHeader("Retry-After", "42")));
        Instant before = Instant.now();

        ConnectorFailure limited = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request));

        assertThat(limited.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(limited.retryAt()).isBetween(before.plusSeconds(42), Instant.now().plusSeconds(42));

        tiktok.resetAll();
        tiktok.stubFor(post(urlPathEqualTo(CREATOR)).willReturn(json(403, """
                {"data":{},"error":{"code":"spam_risk_too_many_posts","message":"Daily post cap reached.","log_id":"L5"}}""")));
        ConnectorFailure capped = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request));
        assertThat(capped.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(capped.retryAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(capped.getMessage()).contains("Daily post cap reached.").contains("tries again in 24 hours");
    }

    @Test
    void aServerErrorOnInitOrOnAChunkIsTransient() {
        byte[] video = video(1_000);
        PublishRequest request = request(video);
        stubCreator("""
                ["SELF_ONLY"]""", false, false, false);
        tiktok.stubFor(post(urlPathEqualTo(INIT)).willReturn(json(500, """
                {"data":{},"error":{"code":"internal_error","message":"Something went wrong.","log_id":"L6"}}""")));
        stubChunk(video, 0, 999, aResponse().withStatus(503));

        assertThat(catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request)).failureClass())
                .isEqualTo(FailureClass.TRANSIENT);
        ConnectorFailure chunk = catchThrowableOfType(ConnectorFailure.class,
                () -> connector.send(request, new PlatformHandle(uploadRef, 0, null), video));
        assertThat(chunk.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(chunk.httpStatus()).isEqualTo(503);
    }

    @Test
    void noAnswerToTheFinalBytesIsAnUnknownOutcomeThatStatusAndLookupResolve() throws Exception {
        byte[] video = video(2_000_000);
        PublishRequest request = request(video);
        stubChunk(video, 0, 1_999_999, aResponse().withStatus(201).withFixedDelay(6_000));
        stubStatus(ok("""
                {"status":"PUBLISH_COMPLETE","fail_reason":"","publicaly_available_post_id":[],
                 "uploaded_bytes":2000000,"downloaded_bytes":0}"""));
        long created = Instant.now().getEpochSecond();
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/list/"))
                .withQueryParam("fields", equalTo("id,title,video_description,create_time,share_url"))
                .withHeader("Authorization", equalTo("Bearer act.1"))
                .withRequestBody(equalToJson("""
                        {"max_count":20}"""))
                .willReturn(ok("""
                        {"videos":[
                          {"id":"7000000000000000002","title":"%s","create_time":%d,"share_url":"https://www.tiktok.com/@herald/video/7000000000000000002"},
                          {"id":"7000000000000000001","title":"%s","create_time":%d,"share_url":"https://www.tiktok.com/@herald/video/7000000000000000001"}
                        ],"cursor":0,"has_more":false}""".formatted(CAPTION, created - 86_400, CAPTION, created))));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> connector.send(request, new PlatformHandle(uploadRef, 0, null), video));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.UNKNOWN_OUTCOME);

        RemoteStatus status = connector.status(request, new PlatformHandle(uploadRef, 0, null));
        assertThat(status.state()).isEqualTo(RemoteStatus.State.PUBLISHED);
        assertThat(status.videoId()).as("a private post has no post id: the publish_id names it").isEqualTo(publishId);
        Optional<RemoteStatus> found = connector.lookup(request);
        assertThat(found).get().extracting(RemoteStatus::videoId).as("yesterday's post with the same caption is not it")
                .isEqualTo("7000000000000000001");
        tiktok.verify(1, putRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    @Test
    void anUploadTikTokHoldsOnlyPartOfIsResumedAtTheFirstMissingChunk() throws Exception {
        PublishRequest request = request(video(12_000_000));
        stubStatus(ok("""
                {"status":"PROCESSING_UPLOAD","uploaded_bytes":6000000,"downloaded_bytes":0}"""));

        RemoteStatus status = connector.status(request, new PlatformHandle(uploadRef, 0, null));

        assertThat(status.state()).isEqualTo(RemoteStatus.State.UPLOADING);
        assertThat(status.bytesReceived()).isEqualTo(MIB5);
    }

    @Test
    void anAccountThatMayOnlyPostPrivatelyPostsSelfOnlyWithTheInteractionsItAllows() throws Exception {
        PublishRequest request = request(video(1_000));
        stubCreator("""
                ["SELF_ONLY"]""", true, true, true);
        stubInit();

        assertThat(connector.start(request).note()).as("said on the publication page")
                .contains("Posted privately (SELF_ONLY)");

        tiktok.verify(postRequestedFor(urlPathEqualTo(INIT))
                .withRequestBody(matchingJsonPath("$.post_info.privacy_level", equalTo("SELF_ONLY")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_comment", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_duet", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_stitch", equalTo("true"))));
    }

    @Test
    void aCoverFrameGoesInPostInfoAsVideoCoverTimestampMsAndNoneLeavesItToTikTok() throws Exception {
        PublishRequest request = request(video(1_000)).withCover(new CoverFrame(1_500));
        stubCreator("""
                ["PUBLIC_TO_EVERYONE","SELF_ONLY"]""", false, false, false);
        stubInit();

        PlatformHandle handle = connector.start(request);

        tiktok.verify(1, postRequestedFor(urlPathEqualTo(INIT))
                .withRequestBody(matchingJsonPath("$.post_info.video_cover_timestamp_ms", equalTo("1500"))));
        assertThat(connector.setCover(request, handle)).as("nothing more to send: TikTok took it with the post")
                .contains("video_cover_timestamp_ms 1500");
        tiktok.resetRequests();

        connector.start(request(video(1_000)));

        tiktok.verify(1, postRequestedFor(urlPathEqualTo(INIT)).withRequestBody(matchingJsonPath("$.post_info.privacy_level")));
        tiktok.verify(0, postRequestedFor(urlPathEqualTo(INIT))
                .withRequestBody(matchingJsonPath("$.post_info.video_cover_timestamp_ms")));
    }

    @Test
    void aCreatorWithoutPrivacyOptionsOrARefusedPrivacyLevelIsInvalidWithTheReason() {
        PublishRequest request = request(video(1_000));
        stubCreator("[]", false, false, false);

        ConnectorFailure none = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request));
        assertThat(none.failureClass()).isEqualTo(FailureClass.INVALID);
        assertThat(none.getMessage()).contains("TikTok offers this account no privacy level");
        tiktok.verify(0, postRequestedFor(urlPathEqualTo(INIT)));

        tiktok.resetAll();
        stubCreator("""
                ["PUBLIC_TO_EVERYONE"]""", false, false, false);
        tiktok.stubFor(post(urlPathEqualTo(INIT)).willReturn(json(403, """
                {"data":{},"error":{"code":"privacy_level_option_mismatch",
                  "message":"privacy_level is not in the creator's privacy_level_options.","log_id":"L7"}}""")));
        ConnectorFailure mismatch = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request));
        assertThat(mismatch.failureClass()).isEqualTo(FailureClass.INVALID);
        assertThat(mismatch.getMessage()).isEqualTo("TikTok: privacy_level is not in the creator's privacy_level_options."
                + " (privacy_level_option_mismatch). The privacy level is not one the creator allows.");
    }

    @Test
    void aVideoLongerThanTheCreatorMayPostIsInvalidNamingBothDurationsAndNothingIsUploaded() throws Exception {
        tiktok.stubFor(post(urlPathEqualTo(CREATOR)).withHeader("Authorization", equalTo("Bearer act.1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .willReturn(ok("""
                        {"creator_username":"herald","privacy_level_options":["SELF_ONLY"],"comment_disabled":false,
                         "duet_disabled":false,"stitch_disabled":false,"max_video_post_duration_sec":60}""")));
        stubInit();
        byte[] video = video(1_000);

        ConnectorFailure tooLong = catchThrowableOfType(ConnectorFailure.class,
                () -> connector.start(request(video).withDuration(75.5)));

        assertThat(tooLong.failureClass()).isEqualTo(FailureClass.INVALID);
        assertThat(tooLong.getMessage()).isEqualTo("The video lasts 75.5 s but this TikTok account may post videos of at"
                + " most 60 s (creator_info max_video_post_duration_sec). Trim the video or publish it on another channel.");
        tiktok.verify(0, postRequestedFor(urlPathEqualTo(INIT)));
        tiktok.verify(0, putRequestedFor(urlPathEqualTo(UPLOAD)));

        // Exactly the creator's maximum is allowed.
        assertThat(connector.start(request(video).withDuration(60)).uploadRef()).isEqualTo(uploadRef);
        tiktok.verify(1, postRequestedFor(urlPathEqualTo(INIT)));
    }

    @ParameterizedTest
    @CsvSource({
            "400, invalid_params, INVALID",
            "400, invalid_param, INVALID",
            "400, invalid_file_upload, INVALID",
            "401, access_token_invalid, AUTH",
            "401, scope_not_authorized, AUTH",
            "401, scope_permission_missed, AUTH",
            "403, spam_risk_too_many_posts, RATE_LIMITED",
            "403, spam_risk_user_banned_from_posting, INVALID",
            "403, reached_active_user_cap, RATE_LIMITED",
            "403, unaudited_client_can_only_post_to_private_accounts, INVALID",
            "403, url_ownership_unverified, INVALID",
            "403, privacy_level_option_mismatch, INVALID",
            "403, spam_risk_too_many_pending_share, RATE_LIMITED",
            "400, invalid_publish_id, INVALID",
            "400, token_not_authorized_for_specified_publish_id, INVALID",
            "429, rate_limit_exceeded, RATE_LIMITED",
            "500, internal_error, TRANSIENT",
            "502, bad_gateway, TRANSIENT"})
    void everyDocumentedErrorCodeIsClassifiedAndShowsTikToksMessage(int status, String code, FailureClass expected) {
        stubCreator("""
                ["SELF_ONLY"]""", false, false, false);
        tiktok.stubFor(post(urlPathEqualTo(INIT)).willReturn(json(status, """
                {"data":{},"error":{"code":"%s","message":"Message for %s.","log_id":"L8"}}""".formatted(code, code))));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> connector.start(request(video(10))));

        assertThat(failure.failureClass()).isEqualTo(expected);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.getMessage()).startsWith("TikTok: Message for " + code + ". (" + code + ")");
        if (expected == FailureClass.RATE_LIMITED) {
            assertThat(failure.retryAt()).isAfter(Instant.now());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "duration_check_failed, FAILED, longer (or shorter) than this creator may post",
            "spam_risk_text, FAILED, judged the caption risky",
            "picture_size_check_failed, FAILED, 360-4096 px",
            "internal, NOT_FOUND, internal problem"})
    void aPostTikTokRefusedFailsWithItsReasonExceptAnOutageWhichIsSentAgain(String reason, RemoteStatus.State state,
            String said) throws Exception {
        stubStatus(ok("""
                {"status":"FAILED","fail_reason":"%s","uploaded_bytes":1000,"downloaded_bytes":0}""".formatted(reason)));

        RemoteStatus status = connector.status(request(video(1_000)), new PlatformHandle(uploadRef, 1_000, publishId));

        assertThat(status.state()).isEqualTo(state);
        assertThat(status.message()).contains(said);
    }

    @Test
    void anUnknownPublishIdIsNotFoundAndProcessingIsPolledAgain() throws Exception {
        PublishRequest request = request(video(1_000));
        stubStatus(json(400, """
                {"data":{},"error":{"code":"invalid_publish_id","message":"publish_id is invalid.","log_id":"L9"}}"""));
        assertThat(connector.status(request, new PlatformHandle(uploadRef, 1_000, publishId)).state())
                .isEqualTo(RemoteStatus.State.NOT_FOUND);

        tiktok.resetAll();
        stubStatus(ok("""
                {"status":"PROCESSING_UPLOAD","uploaded_bytes":1000,"downloaded_bytes":0}"""));
        RemoteStatus processing = connector.status(request, new PlatformHandle(uploadRef, 1_000, publishId));
        assertThat(processing.state()).isEqualTo(RemoteStatus.State.PROCESSING);
        assertThat(processing.videoId()).isEqualTo(publishId);
    }

    @Test
    void metricsComeFromVideoQueryTwentyIdsACallAndWhatTikTokDoesNotGiveStaysNull() throws Exception {
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> String.valueOf(7123456789012345600L + i)).toList();
        for (List<String> slice : List.of(ids.subList(0, 20), ids.subList(20, 25))) {
            // TikTok silently drops ids it does not show this account: here the last of each call.
            String videos = slice.subList(0, slice.size() - 1).stream().map(id -> """
                    {"id":"%s","view_count":%d,"like_count":87,"comment_count":9}""".formatted(id, Long.parseLong(id) % 1000))
                    .collect(Collectors.joining(","));
            tiktok.stubFor(post(urlPathEqualTo("/v2/video/query/"))
                    .withQueryParam("fields", equalTo("id,view_count,like_count,comment_count,share_count"))
                    .withHeader("Authorization", equalTo("Bearer act.1"))
                    .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                    .withRequestBody(equalToJson("""
                            {"filters":{"video_ids":[%s]}}""".formatted(slice.stream().map(id -> '"' + id + '"')
                            .collect(Collectors.joining(",")))))
                    .willReturn(ok("""
                            {"videos":[%s]}""".formatted(videos))));
        }

        MetricsBatch batch = connector.metrics(channel, ids);

        assertThat(batch.videos()).hasSize(23).doesNotContainKeys(ids.get(19), ids.get(24));
        VideoMetrics metrics = batch.videos().get(ids.get(21));
        assertThat(metrics.views()).isEqualTo(621);
        assertThat(metrics.likes()).isEqualTo(87);
        assertThat(metrics.comments()).isEqualTo(9);
        assertThat(metrics.shares()).isNull();
        assertThat(metrics.watchTimeSeconds()).isNull();
        assertThat(metrics.reach()).isNull();
        assertThat(batch.dropped()).isEmpty();
        tiktok.verify(2, postRequestedFor(urlPathEqualTo("/v2/video/query/")));
    }

    @Test
    void aRateLimitOnVideoQueryFailsTheFetchAsRateLimited() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/query/")).willReturn(json(429, """
                {"data":{},"error":{"code":"rate_limit_exceeded","message":"Too many requests.","log_id":"L7"}}""")));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> connector.metrics(channel, List.of("7001")));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
    }

    private PlatformHandle uploadAll(PublishRequest request, byte[] video, PlatformHandle handle) throws ConnectorFailure {
        // As the dispatcher does: at most chunkSize() bytes read per step, the connector decides the rest.
        while (handle.offset() < video.length) {
            int length = (int) Math.min(connector.chunkSize(), video.length - handle.offset());
            handle = connector.send(request, handle, Arrays.copyOfRange(video, (int) handle.offset(),
                    (int) handle.offset() + length));
        }
        return handle;
    }

    private String uploadUrl() {
        return "http://127.0.0.1:" + tiktok.port() + UPLOAD + "?upload_id=U" + channelId + "&upload_token=T" + channelId;
    }

    private byte[] video(int size) {
        byte[] video = new byte[size];
        new Random(channelId + size).nextBytes(video);
        return video;
    }

    private PublishRequest request(byte[] video) {
        Path file;
        try {
            file = Files.createTempFile("tiktok-", ".mp4");
            Files.write(file, video);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        file.toFile().deleteOnExit();
        return new PublishRequest(channelId * 10, channel, file, video.length, "video/mp4", "Spring tips", CAPTION,
                "herald-" + channelId + "-" + Instant.now().minusSeconds(60).toEpochMilli());
    }

    private void stubCreator(String options, boolean commentDisabled, boolean duetDisabled, boolean stitchDisabled) {
        stubCreator("act.1", options, commentDisabled, duetDisabled, stitchDisabled);
    }

    private void stubCreator(String token, String options, boolean commentDisabled, boolean duetDisabled,
            boolean stitchDisabled) {
        tiktok.stubFor(post(urlPathEqualTo(CREATOR)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(ok("""
                        {"creator_avatar_url":"https://example.org/a.jpg","creator_username":"herald","creator_nickname":"Herald",
                         "privacy_level_options":%s,"comment_disabled":%s,"duet_disabled":%s,"stitch_disabled":%s,
                         "max_video_post_duration_sec":300}""".formatted(options, commentDisabled, duetDisabled, stitchDisabled))));
    }

    private void stubInit() {
        stubInit("act.1");
    }

    private void stubInit(String token) {
        tiktok.stubFor(post(urlPathEqualTo(INIT)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(ok("""
                        {"publish_id":"%s","upload_url":"%s"}""".formatted(publishId, uploadUrl()))));
    }

    private MappingBuilder chunk(byte[] video, int first, int last) {
        return put(urlPathEqualTo(UPLOAD)).withQueryParam("upload_id", equalTo("U" + channelId))
                .withQueryParam("upload_token", equalTo("T" + channelId))
                .withHeader("Content-Type", equalTo("video/mp4"))
                .withHeader("Content-Range", equalTo("bytes " + first + "-" + last + "/" + video.length))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, first, last + 1)));
    }

    private void stubChunk(byte[] video, int first, int last, ResponseDefinitionBuilder answer) {
        tiktok.stubFor(chunk(video, first, last).willReturn(answer));
    }

    private void stubStatus(ResponseDefinitionBuilder answer) {
        tiktok.stubFor(post(urlPathEqualTo(STATUS)).withHeader("Authorization", equalTo("Bearer act.1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("""
                        {"publish_id":"%s"}""".formatted(publishId)))
                .willReturn(answer));
    }

    private void stubToken(ResponseDefinitionBuilder answer) {
        tiktok.stubFor(post(urlPathEqualTo(TOKEN)).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token")).willReturn(answer));
    }

    static ResponseDefinitionBuilder ok(String data) {
        return json(200, """
                {"data":%s,"error":{"code":"ok","message":"","log_id":"202612070300000000000000000001"}}""".formatted(data));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
