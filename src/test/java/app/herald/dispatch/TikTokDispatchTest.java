package app.herald.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import app.herald.calendar.CalendarFixture;
import app.herald.calendar.Notification;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.channel.ChannelTokens;
import app.herald.channel.SandboxFailureMode;
import app.herald.channel.tiktok.TikTokStub;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unchanged dispatcher publishing through the TikTok connector to a WireMock TikTok: the stub's request journal
 * shows what was sent, so "one upload" is proved, not assumed.
 */
@QuarkusTest
@WithTestResource(TikTokStub.class)
class TikTokDispatchTest {

    private static final String INIT = "/v2/post/publish/video/init/";
    private static final String UPLOAD = "/video/";
    private static final int CHUNK = TikTokStub.CHUNK;
    /** Two TikTok chunks: floor(12 000 000 / 5 242 880) = 2, the second absorbing the remainder. */
    private static final int SIZE = 12_000_000;

    @TikTokStub.Server
    WireMockServer tiktok;

    @Inject
    Dispatcher dispatcher;

    private long brand;
    private long channel;
    private long id;
    private byte[] video;
    private String publishId;

    @BeforeEach
    void duePublicationOnAConnectedTikTokChannel() throws IOException {
        tiktok.resetAll();
        brand = DispatchFixture.brand();
        channel = DispatchFixture.connectedChannel(brand, Platform.TIKTOK, 1000, new ChannelTokens.Tokens("open-id-1", "act.1", "rft.1", Instant.now().plus(Duration.ofHours(2))));
        id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), SIZE);
        video = Files.readAllBytes(DispatchFixture.videoFile(id));
        publishId = "v_pub_file~v2-1." + id;
    }

    private void dispatchUntilSettled(String name) {
        for (int round = 0; round < 50 && dispatcher.round(name) > 0; round++) {
            // Each round claims afresh.
        }
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsReconciledByStatusFetchAndPublishedWithoutASecondUpload() {
        stubCreator("act.1");
        stubInit("act.1");
        stubChunk(0, CHUNK - 1, aResponse().withStatus(206));
        // TikTok takes the last chunk but answers after Herald stopped waiting (the stub's timeout is 3 s).
        stubChunk(CHUNK, SIZE - 1, aResponse().withStatus(201).withFixedDelay(6_000));
        // A private post is not listed: the lookup finds nothing, and the stored publish_id's status decides.
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(ok("""
                {"videos":[],"cursor":0,"has_more":false}""")));
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .withRequestBody(equalToJson("""
                        {"publish_id":"%s"}""".formatted(publishId)))
                .willReturn(ok("""
                        {"status":"PUBLISH_COMPLETE","fail_reason":"","publicaly_available_post_id":[],
                         "uploaded_bytes":%d,"downloaded_bytes":0}""".formatted(SIZE))));

        dispatchUntilSettled("tt-timeout");

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.platformVideoId).isEqualTo(publishId);
        tiktok.verify(1, postRequestedFor(urlPathEqualTo(INIT)));
        tiktok.verify(1, putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Range",
                equalTo("bytes 5242880-11999999/12000000")));
        assertThat(steps()).containsSubsequence("SEND:OK", "SEND:UNKNOWN_OUTCOME", "LOOKUP:OK", "STATUS:OK");
        // The creator offers only SELF_ONLY: the publication page says the post went out privately, and why.
        assertThat(app.herald.account.DemoUsers.admin().page("/calendar/publications/" + id).select("#attempts + table td").eachText())
                .anySatisfy(cell -> assertThat(cell).startsWith("Posted privately (SELF_ONLY): this TikTok account lets Herald"
                        + " post only privately"));
    }

    @Test
    void aVideoLongerThanTheCreatorAllowsFailsBeforeAnyUploadNamingBothDurations() {
        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(id).content.media.durationSeconds = 95);
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(ok("""
                {"creator_username":"herald","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],
                 "comment_disabled":false,"duet_disabled":false,"stitch_disabled":false,"max_video_post_duration_sec":60}""")));

        dispatchUntilSettled("tt-duration");

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.FAILED);
        assertThat(publication.failureReason).contains("lasts 95 s").contains("at most 60 s");
        assertThat(publication.uploadRef).isNull();
        tiktok.verify(0, postRequestedFor(urlPathEqualTo(INIT)));
        tiktok.verify(0, putRequestedFor(urlPathEqualTo(UPLOAD)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.latestFor("marketer")))
                .anySatisfy(notification -> assertThat(notification.message).contains("at most 60 s"));
    }

    @Test
    void aRevokedRefreshTokenAnsweredWithHttp200MakesTheChannelNeedReconnectingAndTellsTheOwner() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(json(401, """
                {"data":{},"error":{"code":"access_token_invalid",
                  "message":"The access token is invalid or not found in the request.","log_id":"L1"}}""")));
        tiktok.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).withFormParam("refresh_token", equalTo("rft.1"))
                .willReturn(json(200, """
                        {"error":"invalid_grant","error_description":"Refresh token is invalid or expired.","log_id":"L2"}""")));

        dispatchUntilSettled("tt-revoked");

        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).status))
                .isEqualTo(ChannelStatus.RECONNECT_NEEDED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.latestFor("marketer")))
                .anySatisfy(notification -> assertThat(notification.message).contains("needs reconnecting"));
        assertThat(steps()).containsExactly("START:AUTH", "REFRESH:OK");
        tiktok.verify(0, postRequestedFor(urlPathEqualTo(INIT)));
    }

    @Test
    void theCreatorsDailyPostCapPausesTheTikTokChannelForADayWhileAnotherChannelPublishes() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(json(403, """
                {"data":{},"error":{"code":"spam_risk_too_many_posts","message":"The creator posted too often today.",
                  "log_id":"L3"}}""")));
        long sandbox = DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.NONE);
        long other = DispatchFixture.duePublication(brand, sandbox, Instant.now().minusSeconds(5), 10_000);
        Instant before = Instant.now();

        dispatchUntilSettled("tt-cap");

        Publication paused = CalendarFixture.load(id);
        assertThat(paused.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(paused.nextAttemptAt).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        assertThat(paused.failureReason).contains("The creator posted too often today.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).pausedUntil))
                .isEqualTo(paused.nextAttemptAt);
        assertThat(CalendarFixture.load(other).status).isEqualTo(PublicationStatus.PUBLISHED);
    }

    private List<String> steps() {
        return QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id)).stream()
                .map(attempt -> attempt.step + ":" + attempt.outcome).toList();
    }

    private String uploadUrl() {
        return "http://127.0.0.1:" + tiktok.port() + UPLOAD + "?upload_id=P" + id + "&upload_token=T" + id;
    }

    private void stubCreator(String token) {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(ok("""
                        {"creator_username":"herald","privacy_level_options":["SELF_ONLY"],"comment_disabled":false,
                         "duet_disabled":false,"stitch_disabled":false,"max_video_post_duration_sec":300}""")));
    }

    private void stubInit(String token) {
        tiktok.stubFor(post(urlPathEqualTo(INIT)).withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(matchingJsonPath("$.post_info.privacy_level", equalTo("SELF_ONLY")))
                .withRequestBody(matchingJsonPath("$.source_info.video_size", equalTo(String.valueOf(SIZE))))
                .withRequestBody(matchingJsonPath("$.source_info.chunk_size", equalTo(String.valueOf(CHUNK))))
                .withRequestBody(matchingJsonPath("$.source_info.total_chunk_count", equalTo("2")))
                .willReturn(ok("""
                        {"publish_id":"%s","upload_url":"%s"}""".formatted(publishId, uploadUrl()))));
    }

    private void stubChunk(int first, int last, ResponseDefinitionBuilder answer) {
        tiktok.stubFor(put(urlPathEqualTo(UPLOAD)).withQueryParam("upload_id", equalTo("P" + id))
                .withHeader("Content-Type", equalTo("video/mp4"))
                .withHeader("Content-Range", equalTo("bytes " + first + "-" + last + "/" + SIZE))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, first, last + 1)))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder ok(String data) {
        return json(200, """
                {"data":%s,"error":{"code":"ok","message":"","log_id":"202612070300000000000000000001"}}""".formatted(data));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
