package app.herald.channel.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

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
import app.herald.content.media.TestVideos;
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import app.herald.system.StartupFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The YouTube connector against a WireMock Google built from platform-apis.md section 1: each stub matches the
 * documented method, path, query, headers and body, so a request that strays from the protocol finds no stub and the
 * test fails.
 */
@QuarkusTest
@WithTestResource(YouTubeStub.class)
class YouTubeConnectorTest {

    private static final String UPLOADS = "/upload/youtube/v3/videos";
    private static final String THUMBNAILS = "/upload/youtube/v3/thumbnails/set";
    private static final String SIZE = "600000";
    private static final String TITLE = "Three tips for spring #Shorts";
    private static final String CAPTION = "Short and useful. Subscribe for more!";

    @YouTubeStub.Server
    WireMockServer google;

    @Inject
    YouTubeConnector youtube;

    @Inject
    Connectors connectors;

    @Inject
    ChannelTokens tokens;

    @Inject
    EntityManager em;

    @Inject
    YouTubeQuota quota;

    @Inject
    HeraldConfig config;

    private long channelId;
    private ChannelRef channel;
    private final byte[] video = new byte[Integer.parseInt(SIZE)];
    private PublishRequest request;
    private String session;

    @BeforeEach
    void connectedChannel() {
        google.resetAll();
        YouTubeStub.resetQuota();
        long brand = CalendarFixture.brand("UTC");
        channelId = CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, "UTC", 10, 0, ChannelStatus.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(channelId).sandbox = false);
        channel = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(channelId)));
        tokens.store(channelId, new ChannelTokens.Tokens("UC-herald", "access-1", "refresh-1",
                Instant.now().plus(Duration.ofHours(1))));
        new Random(channelId).nextBytes(video);
        request = new PublishRequest(channelId * 10, channel, Path.of("unused.mp4"), video.length, "video/mp4", TITLE,
                CAPTION, "herald-" + channelId + "-" + System.nanoTime());
        session = "http://127.0.0.1:" + google.port() + UPLOADS + "?uploadType=resumable&upload_id=U" + channelId
                + "&part=snippet,status";
    }

    @Test
    void servesRealYouTubeChannelsOnlyAndTakesTheConfiguredChunkSize() {
        assertThat(connectors.forChannel(channel)).containsSame(youtube);
        assertThat(youtube.serves(new ChannelRef(1, "1-1", Platform.YOUTUBE_SHORTS, true, "Sandbox", null, 0))).isFalse();
        assertThat(youtube.serves(new ChannelRef(1, "1-1", Platform.TIKTOK, false, "TikTok", null, 0))).isFalse();
        assertThat(youtube.chunkSize()).isEqualTo(YouTubeStub.CHUNK).isEqualTo(262_144);
    }

    @Test
    void aChunkSizeThatIsNotAMultipleOf256KiBStopsTheStart() {
        HeraldConfig config = new SmallRyeConfigBuilder().withMapping(HeraldConfig.class)
                .withDefaultValue("herald.youtube.chunk-size", "1000000").build().getConfigMapping(HeraldConfig.class);

        assertThatThrownBy(() -> new YouTubeConnector(config, tokens)).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("herald.youtube.chunk-size is 1000000").hasMessageContaining("262144");
    }

    @Test
    void aVideoTheChannelLetsYouTubePublishIsUploadedPrivateWithPublishAtAndIsScheduledUntilThen() throws Exception {
        stubSession("access-1");
        Instant slot = Instant.parse("2031-05-04T17:30:00.250Z");

        youtube.start(request.publishedAt(slot));

        google.verify(postRequestedFor(urlPathEqualTo(UPLOADS))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("X-Upload-Content-Length", equalTo(SIZE))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("private")))
                .withRequestBody(matchingJsonPath("$.status.publishAt", equalTo("2031-05-04T17:30:00Z")))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo(TITLE))));

        PlatformHandle uploaded = new PlatformHandle(session, video.length, "VIDAHEAD");
        google.stubFor(videosList("status,processingDetails", "VIDAHEAD").willReturn(json(200, """
                {"items":[{"id":"VIDAHEAD","status":{"uploadStatus":"processed","privacyStatus":"private",
                  "publishAt":"2031-05-04T17:30:00.000Z"},"processingDetails":{"processingStatus":"succeeded"}}]}""")));
        RemoteStatus waiting = youtube.status(request, uploaded);
        assertThat(waiting.state()).isEqualTo(RemoteStatus.State.SCHEDULED);
        assertThat(waiting.url()).isEqualTo("https://www.youtube.com/shorts/VIDAHEAD");

        google.stubFor(videosList("status,processingDetails", "VIDAHEAD").willReturn(json(200, """
                {"items":[{"id":"VIDAHEAD","status":{"uploadStatus":"processed","privacyStatus":"public",
                  "publishAt":"2021-05-04T17:30:00Z"},"processingDetails":{"processingStatus":"succeeded"}}]}""")));
        assertThat(youtube.status(request, uploaded).state()).as("its publishAt has passed").isEqualTo(RemoteStatus.State.PUBLISHED);
    }

    @Test
    void everyDataApiCallIsCountedOnItsPacificDayUploadsInTheirOwnBucket() throws Exception {
        stubSession("access-1");
        google.stubFor(videosList("status,processingDetails", "VIDQ").willReturn(json(200, videoList("VIDQ", "processed",
                "succeeded", ""))));
        YouTubeQuota.Usage before = quota.today();
        assertThat(before.day()).isEqualTo(LocalDate.now(ZoneId.of("America/Los_Angeles")));

        youtube.start(request);
        youtube.status(request, new PlatformHandle(session, video.length, "VIDQ"));
        youtube.status(request, new PlatformHandle(session, video.length, "VIDQ"));

        YouTubeQuota.Usage after = quota.today();
        assertThat(after.uploads()).isEqualTo(before.uploads() + 1);
        assertThat(after.units()).as("two videos.list calls of 1 unit").isEqualTo(before.units() + 2);
    }

    @Test
    void aCallThatWouldPassTheDailyQuotaIsNotMadeAndPausesUntilPacificMidnight() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO youtube_quota VALUES (:project, :day,"
                        + " 'general', :limit)").setParameter("project", YouTubeStub.CLIENT_ID)
                .setParameter("day", LocalDate.now(ZoneId.of("America/Los_Angeles")))
                .setParameter("limit", config.youtube().dailyQuota()).executeUpdate());

        ConnectorFailure refused = catchThrowableOfType(ConnectorFailure.class,
                () -> youtube.status(request, new PlatformHandle(session, video.length, "VIDQ")));

        assertThat(refused.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(refused.getMessage()).contains("Herald stopped before videos.list").contains("has used "
                + config.youtube().dailyQuota() + " of its " + config.youtube().dailyQuota() + " YouTube API units");
        assertThat(refused.retryAt()).isEqualTo(GoogleErrors.nextQuotaReset(Instant.now()));
        assertThat(google.getAllServeEvents()).as("no call made").isEmpty();
        assertThat(quota.today().units()).as("the refused call is not counted").isEqualTo(config.youtube().dailyQuota());
    }

    @Test
    void concurrentCallersNeverCountPastTheLimit() throws Exception {
        String project = "project-" + System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    if (quota.spend(project, YouTubeQuota.Bucket.GENERAL, 1, 150, Instant.now())) {
                        counted.incrementAndGet();
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(counted.get()).isEqualTo(150);
        assertThat(QuarkusTransaction.requiringNew().call(() -> quota.used(project, YouTubeQuota.Bucket.GENERAL,
                YouTubeQuota.day(Instant.now())))).isEqualTo(150);
    }

    @Test
    void happyPathOpensASessionSendsEveryChunkAndNamesTheVideo() throws Exception {
        stubSession("access-1");
        stubChunk(0, 262_143, ok308(262_143));
        stubChunk(262_144, 524_287, ok308(524_287));
        stubChunk(524_288, 599_999, created("VID123"));
        stubStatusQuery(created("VID123"));

        PlatformHandle handle = youtube.start(request);
        assertThat(handle).isEqualTo(new PlatformHandle(session, 0, null));
        handle = uploadAll(handle);
        assertThat(handle.offset()).isEqualTo(video.length);
        PlatformHandle finished = youtube.finish(request, handle);

        assertThat(finished.videoId()).isEqualTo("VID123");
        assertThat(finished.uploadRef()).isEqualTo(session);
        google.verify(1, postRequestedFor(urlPathEqualTo(UPLOADS)));
        google.verify(3, chunkPuts());
        google.verify(putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes 524288-599999/600000"))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, 524_288, 600_000))));
    }

    @Test
    void theSessionRequestCarriesTheDocumentedHeadersAndMetadata() throws Exception {
        stubSession("access-1");

        youtube.start(request);

        google.verify(postRequestedFor(urlPathEqualTo(UPLOADS))
                .withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-Upload-Content-Length", equalTo(SIZE))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo(TITLE)))
                .withRequestBody(matchingJsonPath("$.snippet.description", equalTo(CAPTION)))
                .withRequestBody(matchingJsonPath("$.snippet.categoryId", equalTo("22")))
                .withRequestBody(matchingJsonPath("$.snippet.tags[0]", equalTo(request.marker())))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("public")))
                .withRequestBody(matchingJsonPath("$.status.selfDeclaredMadeForKids", equalTo("false"))));
    }

    @Test
    void theServersRangeDecidesWhereTheNextChunkStarts() throws Exception {
        // YouTube kept only 100 000 bytes of the first chunk: the next one starts there, not at 262 144.
        stubChunk(0, 262_143, ok308(99_999));
        stubChunk(100_000, 362_143, ok308(362_143));

        PlatformHandle handle = youtube.send(request, new PlatformHandle(session, 0, null), chunk(0));
        assertThat(handle.offset()).isEqualTo(100_000);
        handle = youtube.send(request, handle, chunk(handle.offset()));
        assertThat(handle.offset()).isEqualTo(362_144);
    }

    @Test
    void aDroppedChunkIsResumedFromWhatTheSessionHolds() throws Exception {
        String scenario = "dropped chunk";
        stubChunk(0, 262_143, ok308(262_143));
        google.stubFor(chunkPut(262_144, 524_287).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("dropped"));
        google.stubFor(statusQuery().inScenario(scenario).whenScenarioStateIs("dropped").willReturn(ok308(262_143)));
        google.stubFor(chunkPut(262_144, 524_287).inScenario(scenario).whenScenarioStateIs("dropped")
                .willReturn(ok308(524_287)).willSetStateTo("resumed"));
        google.stubFor(chunkPut(524_288, 599_999).inScenario(scenario).whenScenarioStateIs("resumed")
                .willReturn(created("VID9")).willSetStateTo("complete"));
        google.stubFor(statusQuery().inScenario(scenario).whenScenarioStateIs("complete").willReturn(created("VID9")));

        PlatformHandle handle = youtube.send(request, new PlatformHandle(session, 0, null), chunk(0));
        handle = youtube.send(request, handle, chunk(handle.offset()));
        assertThat(handle.offset()).as("the status query's Range after the drop").isEqualTo(262_144);
        handle = uploadAll(handle);

        assertThat(youtube.finish(request, handle).videoId()).isEqualTo("VID9");
        google.verify(2, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes 262144-524287/600000")));
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes 524288-599999/600000")));
    }

    @Test
    void aStatusQueryWithoutRangeMeansNothingWasStored() throws Exception {
        stubStatusQuery(aResponse().withStatus(308));

        RemoteStatus status = youtube.status(request, new PlatformHandle(session, 262_144, null));

        assertThat(status.state()).isEqualTo(RemoteStatus.State.UPLOADING);
        assertThat(status.bytesReceived()).isZero();
    }

    @Test
    void anExpiredSessionIsAnUnknownOutcomeAndItsStatusIsNotFound() {
        google.stubFor(chunkPut(0, 262_143).willReturn(aResponse().withStatus(404)));
        stubStatusQuery(aResponse().withStatus(404));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> youtube.send(request, new PlatformHandle(session, 0, null), chunk(0)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.UNKNOWN_OUTCOME);
        assertThat(failure.code()).isEqualTo("session_expired");
        assertThat(status(new PlatformHandle(session, 0, null)).state()).isEqualTo(RemoteStatus.State.NOT_FOUND);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheSameCallThenGoesThrough() throws Exception {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(401, """
                        {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                          "errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError",
                          "location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}""")));
        stubSession("access-2");
        stubToken(json(200, """
                {"access_token":"access-2","expires_in":3599,"scope":"https://www.googleapis.com/auth/youtube.upload",
                 "token_type":"Bearer"}"""));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo("authError");

        Instant before = Instant.now();
        assertThat(youtube.refresh(channel)).isTrue();
        assertThat(youtube.start(request).uploadRef()).isEqualTo(session);

        ChannelTokens.Tokens stored = tokens.find(channelId).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("access-2");
        assertThat(stored.refreshToken()).as("Google sent no new refresh token: the old one is kept").isEqualTo("refresh-1");
        assertThat(stored.expiresAt()).isBetween(before.plusSeconds(3590), Instant.now().plusSeconds(3600));
        google.verify(1, postRequestedFor(urlPathEqualTo("/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("refresh-1"))
                .withFormParam("client_id", equalTo(YouTubeStub.CLIENT_ID))
                .withFormParam("client_secret", equalTo(YouTubeStub.CLIENT_SECRET)));
    }

    @Test
    void aTokenAboutToExpireIsRefusedBeforeAnyCallSoTheDispatcherRenewsItFirst() {
        tokens.store(channelId, new ChannelTokens.Tokens("UC-herald", "access-1", "refresh-1", Instant.now().plusSeconds(30)));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.code()).isEqualTo("token_expired");
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefreshAnswerWithANewRefreshTokenReplacesTheStoredOne() throws Exception {
        stubToken(json(200, """
                {"access_token":"access-2","expires_in":3599,"refresh_token":"refresh-2","token_type":"Bearer"}"""));

        assertThat(youtube.refresh(channel)).isTrue();

        assertThat(tokens.find(channelId).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aRevokedRefreshTokenMeansReconnectingAndKeepsWhatWasStored() throws Exception {
        stubToken(json(400, """
                {"error":"invalid_grant","error_description":"Token has been expired or revoked."}"""));

        assertThat(youtube.refresh(channel)).isFalse();

        assertThat(tokens.find(channelId).orElseThrow().accessToken()).isEqualTo("access-1");
    }

    @Test
    void aTokenEndpointOutageIsTransientNotAReconnect() {
        stubToken(json(503, """
                {"error":"backend_error","error_description":"The service is currently unavailable."}"""));

        assertThat(catchThrowableOfType(ConnectorFailure.class, () -> youtube.refresh(channel)).failureClass())
                .isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aRejectedOAuthClientIsAnAuthFailureNamingTheSettings() {
        stubToken(json(401, """
                {"error":"invalid_client","error_description":"The OAuth client was not found."}"""));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.refresh(channel));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.getMessage()).contains("The OAuth client was not found.").contains("herald.youtube.client-id");
    }

    @Test
    void aChannelWithoutTokensIsAnAuthFailureAndCannotBeRefreshed() throws Exception {
        long bare = CalendarFixture.channel(CalendarFixture.brand("UTC"), Platform.YOUTUBE_SHORTS, "UTC", 10, 0,
                ChannelStatus.ACTIVE);
        ChannelRef unconnected = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(bare)));
        PublishRequest post = new PublishRequest(1, unconnected, Path.of("unused.mp4"), 10, "video/mp4", TITLE, CAPTION, "m");

        assertThat(catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(post)).code()).isEqualTo("not_connected");
        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.refresh(unconnected));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.getMessage()).contains("is not connected to a YouTube account yet");
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokensThatCannotBeOpenedAreAnAuthFailureSayingWhy() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE channel SET refresh_token_sealed = CONCAT(refresh_token_sealed, 'x') WHERE id = :id")
                .setParameter("id", channelId).executeUpdate());

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.refresh(channel));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.code()).isEqualTo("token_unreadable");
        assertThat(failure.getMessage()).contains("altered or damaged");
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void aChannelConnectedWithoutARefreshTokenCannotBeRenewed() throws Exception {
        tokens.store(channelId, new ChannelTokens.Tokens("UC-herald", "access-1", null, Instant.now().plusSeconds(3600)));

        assertThat(youtube.refresh(channel)).isFalse();
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Test
    void exhaustedQuotaPausesUntilMidnightPacificTime() {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(403, """
                {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.",
                  "errors":[{"message":"The request cannot be completed because you have exceeded your quota.",
                  "domain":"youtube.quota","reason":"quotaExceeded"}]}}""")));
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant midnight = Instant.now().atZone(pacific).toLocalDate().plusDays(1).atStartOfDay(pacific).toInstant();

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.code()).isEqualTo("quotaExceeded");
        assertThat(failure.retryAt()).isEqualTo(midnight);
        assertThat(failure.getMessage()).contains("exceeded your quota");
    }

    @Test
    void tooManyRequestsPausesForTheRetryAfterTheServerGave() {
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(429, """
                {"error":{"code":429,"message":"Too many requests.","errors":[{"reason":"tooManyRequests"}]}}""")
                .withHeader("Retry-After", "120")));
        Instant before = Instant.now();

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.retryAt()).isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsTheResetTime() {
        Instant reset = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS);
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(403, """
                {"error":{"code":403,"message":"Rate limit exceeded.","errors":[{"reason":"userRateLimitExceeded"}]}}""")
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(reset.atZone(ZoneId.of("GMT"))))));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.retryAt()).isEqualTo(reset);
    }

    @Test
    void aServerErrorOnAChunkIsTransientAndTheSameChunkThenGoesThrough() throws Exception {
        String scenario = "server error";
        google.stubFor(chunkPut(0, 262_143).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, """
                        {"error":{"code":503,"message":"Backend Error","errors":[{"reason":"backendError"}]}}"""))
                .willSetStateTo("recovered"));
        google.stubFor(chunkPut(0, 262_143).inScenario(scenario).whenScenarioStateIs("recovered").willReturn(ok308(262_143)));
        PlatformHandle start = new PlatformHandle(session, 0, null);

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.send(request, start, chunk(0)));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.code()).isEqualTo("backendError");

        assertThat(youtube.send(request, start, chunk(0)).offset()).isEqualTo(262_144);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "400, invalidTitle, INVALID",
            "400, invalidDescription, INVALID",
            "400, invalidTags, INVALID",
            "400, invalidCategoryId, INVALID",
            "400, invalidPublishAt, INVALID",
            "400, invalidVideoMetadata, INVALID",
            "400, mediaBodyRequired, INVALID",
            "400, defaultLanguageNotSet, INVALID",
            "400, uploadLimitExceeded, RATE_LIMITED",
            "401, authError, AUTH",
            "401, authorizationRequired, AUTH",
            "401, youtubeSignupRequired, AUTH",
            "403, quotaExceeded, RATE_LIMITED",
            "403, forbidden, INVALID",
            "403, insufficientPermissions, AUTH",
            "403, forbiddenPrivacySetting, INVALID",
            "403, forbiddenLicenseSetting, INVALID",
            "403, authenticatedUserAccountClosed, INVALID",
            "403, authenticatedUserAccountSuspended, INVALID",
            "403, channelClosed, INVALID",
            "403, channelSuspended, INVALID",
            "403, userRateLimitExceeded, RATE_LIMITED",
            "403, rateLimitExceeded, RATE_LIMITED",
            "429, uploadRateLimitExceeded, RATE_LIMITED",
            "429, tooManyRequests, RATE_LIMITED",
            "500, backendError, TRANSIENT",
            "502, badGateway, TRANSIENT",
            "503, backendError, TRANSIENT",
            "504, gatewayTimeout, TRANSIENT" })
    void everyDocumentedErrorReasonIsClassified(int status, String reason, FailureClass expected) {
        String message = "The platform says " + reason + ".";
        google.stubFor(post(urlPathEqualTo(UPLOADS)).willReturn(json(status, """
                {"error":{"code":%d,"message":"%s","errors":[{"message":"%s","domain":"youtube.video","reason":"%s"}]}}"""
                .formatted(status, message, message, reason))));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.start(request));

        assertThat(failure.failureClass()).isEqualTo(expected);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.code()).isEqualTo(reason);
        assertThat(failure.getMessage()).as("the platform's message is kept").contains(message);
        if (reason.equals("quotaExceeded") || reason.equals("uploadLimitExceeded")) {
            assertThat(failure.retryAt()).as("a daily limit names its reset").isAfter(Instant.now());
        }
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsAnUnknownOutcomeThatTheLookupResolvesWithoutASecondUpload() throws Exception {
        stubChunk(0, 262_143, ok308(262_143));
        stubChunk(262_144, 524_287, ok308(524_287));
        // YouTube takes the last bytes and creates the video, but its answer comes after Herald stopped waiting (3 s).
        stubChunk(524_288, 599_999, created("VIDLATE").withFixedDelay(6_000));
        stubReconciliation("VIDLATE", "processed");

        PlatformHandle handle = youtube.send(request, new PlatformHandle(session, 0, null), chunk(0));
        PlatformHandle atLast = youtube.send(request, handle, chunk(handle.offset()));
        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> youtube.send(request, atLast, chunk(atLast.offset())));
        assertThat(failure.failureClass()).isEqualTo(FailureClass.UNKNOWN_OUTCOME);

        Optional<RemoteStatus> found = youtube.lookup(request);

        assertThat(found).isPresent();
        assertThat(found.get().state()).isEqualTo(RemoteStatus.State.PUBLISHED);
        assertThat(found.get().videoId()).isEqualTo("VIDLATE");
        assertThat(found.get().url()).isEqualTo("https://www.youtube.com/shorts/VIDLATE");
        google.verify(1, putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes 524288-599999/600000")));
        google.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("mine", equalTo("true"))
                .withQueryParam("part", equalTo("contentDetails")).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void theLookupMatchesTheMarkerNotTheTitle() throws Exception {
        stubReconciliation("VIDOTHER", "processed");
        PublishRequest another = new PublishRequest(request.publicationId(), channel, request.file(), request.size(),
                request.mimeType(), TITLE, CAPTION, request.marker() + "-other");

        assertThat(youtube.lookup(another)).isEmpty();
    }

    @Test
    void afterATimeoutTheSessionStatusQueryReplaysTheCompletedUpload() throws Exception {
        stubStatusQuery(created("VIDDONE"));

        RemoteStatus status = youtube.status(request, new PlatformHandle(session, 524_288, null));

        assertThat(status.state()).isEqualTo(RemoteStatus.State.PROCESSING);
        assertThat(status.videoId()).isEqualTo("VIDDONE");
        google.verify(putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", equalTo("bytes */600000"))
                .withHeader("Content-Length", equalTo("0")).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void processingIsFollowedThroughVideosListUntilProcessed() throws Exception {
        String scenario = "processing";
        google.stubFor(videosList("status,processingDetails", "VIDP").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, videoList("VIDP", "uploaded", "processing", ""))).willSetStateTo("done"));
        google.stubFor(videosList("status,processingDetails", "VIDP").inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(json(200, videoList("VIDP", "processed", "succeeded", ""))));
        PlatformHandle handle = new PlatformHandle(session, video.length, "VIDP");

        assertThat(youtube.status(request, handle).state()).isEqualTo(RemoteStatus.State.PROCESSING);
        RemoteStatus done = youtube.status(request, handle);

        assertThat(done.state()).isEqualTo(RemoteStatus.State.PUBLISHED);
        assertThat(done.url()).isEqualTo("https://www.youtube.com/shorts/VIDP");
    }

    @Test
    void aRejectedVideoFailsWithYouTubesReason() throws Exception {
        google.stubFor(videosList("status,processingDetails", "VIDR").willReturn(json(200,
                videoList("VIDR", "rejected", "terminated", "\"rejectionReason\":\"duplicate\","))));

        RemoteStatus status = youtube.status(request, new PlatformHandle(session, video.length, "VIDR"));

        assertThat(status.state()).isEqualTo(RemoteStatus.State.FAILED);
        assertThat(status.message()).contains("rejected").contains("duplicate");
    }

    @Test
    void aVideoThatVanishedFailsAndIsNeverSentAgain() throws Exception {
        google.stubFor(videosList("status,processingDetails", "VIDGONE").willReturn(json(200, """
                {"kind":"youtube#videoListResponse","items":[],"pageInfo":{"totalResults":0,"resultsPerPage":0}}""")));

        RemoteStatus status = youtube.status(request, new PlatformHandle(session, video.length, "VIDGONE"));

        assertThat(status.state()).isEqualTo(RemoteStatus.State.FAILED);
    }

    @Test
    void countersComeFromVideosListAndTheAnalyticsReportFiftyIdsACall() throws Exception {
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> "VID" + i).toList();
        for (List<String> slice : List.of(ids.subList(0, 50), ids.subList(50, 60))) {
            StringBuilder items = new StringBuilder();
            StringBuilder rows = new StringBuilder();
            for (String id : slice) {
                int n = Integer.parseInt(id.substring(3));
                items.append(items.isEmpty() ? "" : ",").append("""
                        {"kind":"youtube#video","id":"%s","statistics":{"viewCount":"%d","likeCount":"%d","commentCount":"7"}}"""
                        .formatted(id, 1000 + n, 50 + n));
                // VID3 has no Analytics data yet: YouTube leaves its row out.
                if (n != 3) {
                    rows.append(rows.isEmpty() ? "" : ",").append("[\"%s\",%d.5,%d,63.2,%d,%d]".formatted(id, 20 + n, 9, 4, 2));
                }
            }
            google.stubFor(videosList("statistics", String.join(",", slice)).willReturn(json(200, """
                    {"kind":"youtube#videoListResponse","items":[%s]}""".formatted(items))));
            google.stubFor(report(slice).willReturn(json(200, """
                    {"kind":"youtubeAnalytics#resultTable","columnHeaders":[
                      {"name":"video","columnType":"DIMENSION","dataType":"STRING"},
                      {"name":"estimatedMinutesWatched","columnType":"METRIC","dataType":"FLOAT"},
                      {"name":"averageViewDuration","columnType":"METRIC","dataType":"INTEGER"},
                      {"name":"averageViewPercentage","columnType":"METRIC","dataType":"FLOAT"},
                      {"name":"shares","columnType":"METRIC","dataType":"INTEGER"},
                      {"name":"subscribersGained","columnType":"METRIC","dataType":"INTEGER"}],
                     "rows":[%s]}""".formatted(rows))));
        }

        MetricsBatch batch = youtube.metrics(channel, ids);

        assertThat(batch.videos()).hasSize(60);
        assertThat(batch.dropped()).isEmpty();
        VideoMetrics fiftyFirst = batch.videos().get("VID51");
        assertThat(fiftyFirst.views()).isEqualTo(1051);
        assertThat(fiftyFirst.likes()).isEqualTo(101);
        assertThat(fiftyFirst.comments()).isEqualTo(7);
        assertThat(fiftyFirst.watchTimeSeconds()).isEqualTo(71 * 60 + 30);
        assertThat(fiftyFirst.averageViewSeconds()).isEqualTo(9.0);
        assertThat(fiftyFirst.averagePercentViewed()).isEqualTo(63.2);
        assertThat(fiftyFirst.shares()).isEqualTo(4);
        assertThat(fiftyFirst.followersGained()).isEqualTo(2);
        assertThat(fiftyFirst.saves()).isNull();
        assertThat(fiftyFirst.reach()).isNull();
        // Not in the report yet: empty, not zero; its counters are still there.
        assertThat(batch.videos().get("VID3").views()).isEqualTo(1003);
        assertThat(batch.videos().get("VID3").watchTimeSeconds()).isNull();
        assertThat(batch.videos().get("VID3").averagePercentViewed()).isNull();
        google.verify(2, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
        google.verify(2, getRequestedFor(urlPathEqualTo("/v2/reports")));
    }

    @Test
    void aRefusedAnalyticsReportDropsItsMetricsAndKeepsTheCounters() throws Exception {
        google.stubFor(videosList("statistics", "VIDM,VIDGONE").willReturn(json(200, """
                {"kind":"youtube#videoListResponse","items":[{"kind":"youtube#video","id":"VIDM",
                  "statistics":{"viewCount":"1234","likeCount":"56","dislikeCount":"0","favoriteCount":"0","commentCount":"7"}}],
                 "pageInfo":{"totalResults":1,"resultsPerPage":1}}""")));
        google.stubFor(report(List.of("VIDM", "VIDGONE")).willReturn(json(403, """
                {"error":{"code":403,"message":"Forbidden","errors":[{"message":"Forbidden","domain":"global","reason":"forbidden"}]}}""")));

        MetricsBatch batch = youtube.metrics(channel, List.of("VIDM", "VIDGONE"));

        assertThat(batch.videos().keySet()).containsExactly("VIDM");
        VideoMetrics metrics = batch.videos().get("VIDM");
        assertThat(metrics.views()).isEqualTo(1234);
        assertThat(metrics.likes()).isEqualTo(56);
        assertThat(metrics.comments()).isEqualTo(7);
        assertThat(metrics.watchTimeSeconds()).isNull();
        assertThat(batch.dropped()).singleElement().asString().contains("averageViewPercentage").contains("Forbidden");
    }

    @Test
    void aQuotaErrorOnTheCountersFailsTheFetchAsRateLimited() {
        google.stubFor(videosList("statistics", "VIDQ").willReturn(json(403, """
                {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.",
                  "errors":[{"message":"quota","domain":"youtube.quota","reason":"quotaExceeded"}]}}""")));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class, () -> youtube.metrics(channel, List.of("VIDQ")));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(failure.retryAt()).isAfter(Instant.now());
    }

    @Test
    void aFailedStatusQueryAfterADroppedChunkIsTransient() {
        google.stubFor(chunkPut(0, 262_143).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubStatusQuery(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> youtube.send(request, new PlatformHandle(session, 0, null), chunk(0)))
                .isInstanceOfSatisfying(ConnectorFailure.class,
                        failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
    }

    /** Sends the rest of the video the way the dispatcher does: from the handle's offset, a chunk at a time. */
    private PlatformHandle uploadAll(PlatformHandle handle) throws ConnectorFailure {
        for (int step = 0; handle.offset() < video.length; step++) {
            assertThat(step).as("upload makes progress").isLessThan(20);
            handle = youtube.send(request, handle, chunk(handle.offset()));
        }
        return handle;
    }

    private byte[] chunk(long offset) {
        int end = (int) Math.min(offset + YouTubeStub.CHUNK, video.length);
        return Arrays.copyOfRange(video, (int) offset, end);
    }

    private RemoteStatus status(PlatformHandle handle) {
        try {
            return youtube.status(request, handle);
        } catch (ConnectorFailure e) {
            throw new AssertionError(e);
        }
    }

    private void stubSession(String accessToken) {
        google.stubFor(post(urlPathEqualTo(UPLOADS))
                .withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("X-Upload-Content-Length", equalTo(SIZE))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo(TITLE)))
                .willReturn(aResponse().withStatus(200).withHeader("Location", session)));
    }

    /** A chunk PUT to this test's session, matched on its exact byte range, type, token and bytes. */
    private MappingBuilder chunkPut(long first, long last) {
        return put(urlPathEqualTo(UPLOADS))
                .withQueryParam("upload_id", equalTo("U" + channelId))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Type", equalTo("video/mp4"))
                .withHeader("Content-Range", equalTo("bytes " + first + "-" + last + "/" + SIZE))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, (int) first, (int) last + 1)));
    }

    private void stubChunk(long first, long last, ResponseDefinitionBuilder answer) {
        google.stubFor(chunkPut(first, last).willReturn(answer));
    }

    private MappingBuilder statusQuery() {
        return put(urlPathEqualTo(UPLOADS))
                .withQueryParam("upload_id", equalTo("U" + channelId))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Length", equalTo("0"))
                .withHeader("Content-Range", matching("^bytes \\*/\\d+$"));
    }

    private void stubStatusQuery(ResponseDefinitionBuilder answer) {
        google.stubFor(statusQuery().willReturn(answer));
    }

    private static RequestPatternBuilder chunkPuts() {
        return putRequestedFor(urlPathEqualTo(UPLOADS)).withHeader("Content-Range", matching("^bytes \\d+-\\d+/\\d+$"));
    }

    private void stubToken(ResponseDefinitionBuilder answer) {
        google.stubFor(post(urlPathEqualTo("/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("refresh-1"))
                .withFormParam("client_id", equalTo(YouTubeStub.CLIENT_ID))
                .withFormParam("client_secret", equalTo(YouTubeStub.CLIENT_SECRET))
                .willReturn(answer));
    }

    /** The Analytics API's lifetime per-video report for {@code ids}, as platform-apis.md 1.6 documents it. */
    private MappingBuilder report(List<String> ids) {
        return get(urlPathEqualTo("/v2/reports")).withQueryParam("ids", equalTo("channel==MINE"))
                .withQueryParam("dimensions", equalTo("video")).withQueryParam("filters", equalTo("video==" + String.join(",", ids)))
                .withQueryParam("metrics", equalTo(YouTubeConnector.ANALYTICS_METRICS))
                .withQueryParam("startDate", matching("\\d{4}-\\d{2}-\\d{2}")).withQueryParam("endDate", matching("\\d{4}-\\d{2}-\\d{2}"))
                .withHeader("Authorization", equalTo("Bearer access-1"));
    }

    private MappingBuilder videosList(String part, String ids) {
        return get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo(part))
                .withQueryParam("id", equalTo(ids)).withHeader("Authorization", equalTo("Bearer access-1"));
    }

    /** The playbook's three calls: the uploads playlist, its newest items, and the videos with their tags. */
    private void stubReconciliation(String videoId, String uploadStatus) {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("part", equalTo("contentDetails"))
                .withQueryParam("mine", equalTo("true")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(200, """
                        {"kind":"youtube#channelListResponse","items":[{"kind":"youtube#channel","id":"UC-herald",
                          "contentDetails":{"relatedPlaylists":{"likes":"","uploads":"UU-herald"}}}]}""")));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo("UU-herald"))
                .withQueryParam("part", equalTo("snippet,contentDetails,status")).withQueryParam("maxResults", equalTo("50"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(200, """
                        {"kind":"youtube#playlistItemListResponse","items":[
                          {"kind":"youtube#playlistItem","snippet":{"title":"Older post","resourceId":{"kind":"youtube#video","videoId":"VIDOLD"}},
                           "contentDetails":{"videoId":"VIDOLD"}},
                          {"kind":"youtube#playlistItem","snippet":{"title":"%s","resourceId":{"kind":"youtube#video","videoId":"%s"}},
                           "contentDetails":{"videoId":"%s"}}]}""".formatted(TITLE, videoId, videoId))));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("snippet,status,processingDetails"))
                .withQueryParam("id", equalTo("VIDOLD," + videoId)).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(200, """
                        {"kind":"youtube#videoListResponse","items":[
                          {"kind":"youtube#video","id":"VIDOLD","snippet":{"title":"Older post","tags":["herald-1-1"]},
                           "status":{"uploadStatus":"processed"}},
                          {"kind":"youtube#video","id":"%s","snippet":{"title":"%s","tags":["%s"]},
                           "status":{"uploadStatus":"%s","privacyStatus":"public"},"processingDetails":{"processingStatus":"succeeded"}}]}"""
                        .formatted(videoId, TITLE, request.marker(), uploadStatus))));
    }

    private static String videoList(String id, String uploadStatus, String processingStatus, String extraStatus) {
        return """
                {"kind":"youtube#videoListResponse","items":[{"kind":"youtube#video","id":"%s",
                  "status":{%s"uploadStatus":"%s","privacyStatus":"public"},
                  "processingDetails":{"processingStatus":"%s"}}]}""".formatted(id, extraStatus, uploadStatus, processingStatus);
    }

    private static ResponseDefinitionBuilder ok308(long lastByte) {
        return aResponse().withStatus(308).withHeader("Range", "bytes=0-" + lastByte);
    }

    private static ResponseDefinitionBuilder created(String videoId) {
        return json(201, """
                {"kind":"youtube#video","etag":"e1","id":"%s",
                 "snippet":{"channelId":"UC-herald","title":"%s","categoryId":"22"},
                 "status":{"uploadStatus":"uploaded","privacyStatus":"public","selfDeclaredMadeForKids":false}}"""
                .formatted(videoId, TITLE));
    }

    @Test
    void aCoverFrameIsSetWithThumbnailsSetAsAJpegOfThatFrameForTheVideoAndCosts50Units() throws Exception {
        PublishRequest clip = coverRequest();
        google.stubFor(thumbnailsSet("VIDCOVER").willReturn(json(200, """
                {"kind":"youtube#thumbnailSetResponse","items":[{"default":{"url":"https://i.ytimg.com/vi/VIDCOVER/default.jpg"}}]}""")));
        long before = quota.today().units();

        String said = youtube.setCover(clip, new PlatformHandle(session, clip.size(), "VIDCOVER"));

        assertThat(said).contains("frame at 1.5 s", "VIDCOVER");
        List<LoggedRequest> sent = google.findAll(postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(sent).hasSize(1);
        byte[] jpeg = sent.get(0).getBody();
        assertThat(jpeg).as("a JPEG (SOI marker) of the frame, not the video").hasSizeGreaterThan(1000)
                .startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(jpeg.length).isLessThan((int) clip.size());
        assertThat(quota.today().units()).isEqualTo(before + YouTubeConnector.THUMBNAIL_COST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403|forbidden|The authenticated user doesn't have permissions to upload and set custom video thumbnails.|INVALID",
            "429|uploadRateLimitExceeded|The user has sent too many thumbnails recently.|RATE_LIMITED",
            "400|invalidImage|The provided image content is invalid.|INVALID" })
    void aRefusedThumbnailSaysWhyInYouTubesWords(int status, String reason, String message, FailureClass expected)
            throws Exception {
        PublishRequest clip = coverRequest();
        google.stubFor(thumbnailsSet("VIDCOVER").willReturn(json(status, """
                {"error":{"code":%d,"message":"%s","errors":[{"domain":"youtube.thumbnail","reason":"%s","message":"%s"}]}}"""
                .formatted(status, message, reason, message))));

        ConnectorFailure failure = catchThrowableOfType(ConnectorFailure.class,
                () -> youtube.setCover(clip, new PlatformHandle(session, clip.size(), "VIDCOVER")));

        assertThat(failure.failureClass()).isEqualTo(expected);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.getMessage()).contains(message, reason);
    }

    /** The request of a real 4 s clip whose cover is the frame at 1.5 s. */
    private PublishRequest coverRequest() throws Exception {
        Path file = TestVideos.vertical();
        return new PublishRequest(channelId * 10, channel, file, Files.size(file), "video/mp4", TITLE,
                CAPTION, request.marker()).withDuration(4).withCover(new CoverFrame(1_500));
    }

    private MappingBuilder thumbnailsSet(String videoId) {
        return post(urlPathEqualTo(THUMBNAILS)).withQueryParam("videoId", equalTo(videoId))
                .withQueryParam("uploadType", equalTo("media"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Type", equalTo("image/jpeg"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
