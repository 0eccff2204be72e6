package app.herald.analytics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import app.herald.channel.ChannelTokens;
import app.herald.channel.youtube.YouTubeStub;
import app.herald.dispatch.DispatchFixture;
import app.herald.platform.Platform;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The importer against a WireMock YouTube: a quota error pauses that channel's imports only (not its publishing,
 * not another channel's imports), a refused Analytics report is noted while the counters are imported, and what YouTube
 * does not give is stored as NULL.
 */
@QuarkusTest
@WithTestResource(YouTubeStub.class)
class YouTubeMetricsImportTest {

    @YouTubeStub.Server
    WireMockServer google;

    @Inject
    MetricsImporter importer;

    @Inject
    MetricsClaims claims;

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static long channel(long brand, String token) {
        return DispatchFixture.connectedChannel(brand, Platform.YOUTUBE_SHORTS, 10,
                new ChannelTokens.Tokens("UC-" + token, token, "refresh-" + token, Instant.now().plus(Duration.ofHours(1))));
    }

    private static Object column(String column, long publication) {
        return MetricsFixture.single("SELECT " + column + " FROM publication_metrics WHERE publication_id = ?1", publication);
    }

    @Test
    void aQuotaErrorPausesOnlyThatChannelsImports() {
        google.resetAll();
        long brand = DispatchFixture.brand();
        long limited = channel(brand, "token-limited");
        long fine = channel(brand, "token-fine");
        long quota = MetricsFixture.published(brand, limited, Instant.now().minus(Duration.ofHours(2)), "YTQ1");
        long counted = MetricsFixture.published(brand, fine, Instant.now().minus(Duration.ofHours(2)), "YTF1");
        // A per-user rate limit: YouTube's quotaExceeded is the whole Google project's, so it stops every YouTube
        // channel of the project (YouTubeQuota), not one.
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withHeader("Authorization", equalTo("Bearer token-limited"))
                .willReturn(json(429, """
                        {"error":{"code":429,"message":"The request cannot be completed because you have exceeded your quota.",
                          "errors":[{"message":"quota","domain":"usageLimits","reason":"userRateLimitExceeded"}]}}""")
                        .withHeader("Retry-After", "3600")));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withHeader("Authorization", equalTo("Bearer token-fine"))
                .withQueryParam("part", equalTo("statistics")).withQueryParam("id", equalTo("YTF1"))
                .willReturn(json(200, """
                        {"kind":"youtube#videoListResponse","items":[{"kind":"youtube#video","id":"YTF1",
                          "statistics":{"viewCount":"4321","likeCount":"210","commentCount":"12"}}]}""")));
        google.stubFor(get(urlPathEqualTo("/v2/reports")).withHeader("Authorization", equalTo("Bearer token-fine"))
                .willReturn(json(403, """
                        {"error":{"code":403,"message":"Forbidden","errors":[{"message":"Forbidden","domain":"global","reason":"forbidden"}]}}""")));
        claims.adopt(10_000);
        MetricsFixture.sql("UPDATE publication_metrics SET next_fetch_at = ?1 WHERE publication_id IN (?2, ?3)",
                Instant.now().minusSeconds(1), quota, counted);

        importer.run("yt-importer");

        // The limited channel: imports paused until YouTube's quota resets, its row waits until then, publishing untouched.
        Object pausedUntil = MetricsFixture.single("SELECT metrics_paused_until FROM channel WHERE id = ?1", limited);
        assertThat(pausedUntil).isNotNull();
        assertThat(MetricsFixture.single("SELECT paused_until FROM channel WHERE id = ?1", limited)).isNull();
        assertThat((String) MetricsFixture.single("SELECT metrics_pause_reason FROM channel WHERE id = ?1", limited)).contains("quota");
        assertThat(column("next_fetch_at", quota)).isEqualTo(pausedUntil);
        assertThat((String) column("last_error", quota)).contains("userRateLimitExceeded");
        assertThat(column("views", quota)).isNull();
        // The other channel: imported, Analytics refusal noted, what YouTube did not give left NULL.
        assertThat(column("views", counted)).isEqualTo(4321L);
        assertThat(column("likes", counted)).isEqualTo(210L);
        assertThat(column("watch_time_seconds", counted)).isNull();
        assertThat(column("reach", counted)).isNull();
        assertThat((String) column("last_error", counted)).startsWith("YouTube Shorts did not give: estimatedMinutesWatched");
        assertThat(MetricsFixture.single("SELECT metrics_as_of IS NOT NULL FROM channel WHERE id = ?1", fine)).isIn(1, 1L, true);
        assertThat(MetricsFixture.single("SELECT metrics_paused_until FROM channel WHERE id = ?1", fine)).isNull();

        // While paused, a due row of the limited channel is not fetched; the other channel's still is.
        MetricsFixture.sql("UPDATE publication_metrics SET next_fetch_at = ?1 WHERE publication_id IN (?2, ?3)",
                Instant.now().minusSeconds(1), quota, counted);
        importer.run("yt-importer");
        google.verify(1, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withHeader("Authorization", equalTo("Bearer token-limited")));
        google.verify(2, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withHeader("Authorization", equalTo("Bearer token-fine")));
        assertThat(column("fetches", counted)).isEqualTo(2);
        assertThat(column("fetches", quota)).isEqualTo(1);
    }
}
