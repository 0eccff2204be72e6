package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.herald.calendar.CalendarFixture;
import app.herald.channel.ChannelStatus;
import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The incremental rollups against their definition: after imports in any order (older after newer, counters going
 * down, the same snapshot twice, a metric missing on some days) they equal what {@link MetricRollups#recompute}
 * derives from the raw snapshots alone.
 */
@QuarkusTest
class MetricRollupsTest {

    private static final String ZONE = "America/New_York";
    /** 15:00 UTC = 10:00 in New York (11:00 in summer): well inside one local day. */
    private static final Instant DAY_ONE = Instant.parse("2026-11-02T15:00:00Z");

    @Inject
    MetricRecorder recorder;

    @Inject
    MetricRollups rollups;

    @Inject
    MetricsClaims claims;

    private long brand;
    private long channel;

    private long publication(Platform platform) {
        brand = CalendarFixture.brand(ZONE);
        channel = CalendarFixture.channel(brand, platform, ZONE, 100, 0, ChannelStatus.ACTIVE);
        long id = MetricsFixture.published(brand, channel, DAY_ONE.minus(Duration.ofHours(2)), "vid-" + System.nanoTime());
        claims.adopt(10_000);
        return id;
    }

    private void record(long publication, VideoMetrics... metrics) {
        List<MetricRecorder.Fetch> fetches = new ArrayList<>();
        for (VideoMetrics snapshot : metrics) {
            fetches.add(new MetricRecorder.Fetch(publication, snapshot, null, null));
        }
        recorder.record(fetches, Instant.now(), Map.of());
    }

    private static VideoMetrics views(Instant at, Long views, Long reach) {
        return new VideoMetrics(at, views, null, null, null, null, null, null, null, reach, null);
    }

    private Double channelDay(String column, LocalDate day) {
        Object value = MetricsFixture.single("SELECT " + column + " FROM channel_metric_day WHERE channel_id = ?1 AND day = ?2",
                channel, day);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Test
    void anOlderSnapshotAfterANewerOneLeavesTheRollupsRight() {
        long id = publication(Platform.YOUTUBE_SHORTS);
        record(id, views(DAY_ONE.plus(Duration.ofDays(1)), 500L, null));
        record(id, views(DAY_ONE.plus(Duration.ofHours(2)), 200L, null));
        record(id, views(DAY_ONE, 120L, null));

        assertThat(channelDay("views", LocalDate.of(2026, 11, 2))).isEqualTo(200);
        assertThat(channelDay("views", LocalDate.of(2026, 11, 3))).isEqualTo(300);
        assertThat(MetricsFixture.single("SELECT views FROM publication_metric_day WHERE publication_id = ?1 AND day = ?2",
                id, LocalDate.of(2026, 11, 2))).isEqualTo(200L);
        // The latest values stay the newest snapshot's.
        assertThat(MetricsFixture.single("SELECT views FROM publication_metrics WHERE publication_id = ?1", id)).isEqualTo(500L);
        assertEqualsRecomputed();
    }

    @Test
    void aCounterThatGoesDownIsKeptAsANegativeGain() {
        long id = publication(Platform.TIKTOK);
        record(id, views(DAY_ONE, 100L, null), views(DAY_ONE.plus(Duration.ofDays(1)), 90L, null));

        assertThat(channelDay("views", LocalDate.of(2026, 11, 3))).isEqualTo(-10);
        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM metric_snapshot WHERE publication_id = ?1", id)).isEqualTo(2L);
        assertEqualsRecomputed();
    }

    @Test
    void theSameSnapshotTwiceIsStoredOnceAndCountedOnce() {
        long id = publication(Platform.YOUTUBE_SHORTS);
        VideoMetrics snapshot = MetricsFixture.youtube(DAY_ONE, 1_000, 40);
        record(id, snapshot, snapshot);
        record(id, snapshot);
        // Same instant, other values: the first one stays, as in the raw table.
        record(id, MetricsFixture.youtube(DAY_ONE, 5_000, 90));

        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM metric_snapshot WHERE publication_id = ?1", id)).isEqualTo(1L);
        assertThat(channelDay("views", LocalDate.of(2026, 11, 2))).isEqualTo(1_000);
        assertThat(channelDay("likes", LocalDate.of(2026, 11, 2))).isEqualTo(40);
        assertThat(MetricsFixture.single("SELECT views FROM publication_metrics WHERE publication_id = ?1", id)).isEqualTo(1_000L);
        assertEqualsRecomputed();
    }

    @Test
    void aMetricMissingOnADayIsEmptyThatDayAndTheNextGainCountsFromTheLastValue() {
        long id = publication(Platform.FACEBOOK_REELS);
        record(id, views(DAY_ONE, 100L, 50L), views(DAY_ONE.plus(Duration.ofDays(2)), 300L, 80L));
        record(id, views(DAY_ONE.plus(Duration.ofDays(1)), 150L, null));

        assertThat(channelDay("reach", LocalDate.of(2026, 11, 3))).isNull();
        assertThat(channelDay("reach", LocalDate.of(2026, 11, 4))).isEqualTo(30);
        assertThat(channelDay("views", LocalDate.of(2026, 11, 4))).isEqualTo(150);
        assertThat(channelDay("saves", LocalDate.of(2026, 11, 2))).isNull();
        assertEqualsRecomputed();

        // A later snapshot of that day that lacks reach too, then one of the first day without it: empty again.
        record(id, views(DAY_ONE.plus(Duration.ofHours(3)), 120L, null));
        assertThat(channelDay("reach", LocalDate.of(2026, 11, 2))).isNull();
        assertThat(channelDay("reach", LocalDate.of(2026, 11, 4))).isEqualTo(80);
        assertEqualsRecomputed();
    }

    @Test
    void daysAreCalendarDaysInTheBrandsZone() {
        long id = publication(Platform.TIKTOK);
        // 03:00 UTC is still the evening before in New York.
        record(id, views(Instant.parse("2026-11-03T03:00:00Z"), 70L, null));

        assertThat(channelDay("views", LocalDate.of(2026, 11, 2))).isEqualTo(70);
        assertThat(MetricsFixture.single("SELECT posts_published FROM brand_metric_day WHERE brand_id = ?1 AND day = ?2",
                brand, LocalDate.of(2026, 11, 2))).isEqualTo(1);
        assertEqualsRecomputed();
    }

    @Test
    void randomImportOrdersAlwaysEqualTheRecomputation() {
        Random random = new Random(20261207);
        for (int round = 0; round < 6; round++) {
            brand = CalendarFixture.brand(ZONE);
            List<Long> channels = List.of(CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, ZONE, 100, 0, ChannelStatus.ACTIVE),
                    CalendarFixture.channel(brand, Platform.TIKTOK, ZONE, 100, 0, ChannelStatus.ACTIVE));
            List<MetricRecorder.Fetch> all = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                Instant published = DAY_ONE.plus(Duration.ofHours(random.nextInt(48)));
                long id = MetricsFixture.published(brand, channels.get(p % 2), published, "vid-" + round + "-" + p);
                long views = 0;
                for (int s = 0; s < 25; s++) {
                    Instant at = published.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 8))).truncatedTo(ChronoUnit.MILLIS);
                    views = Math.max(0, views + random.nextInt(400) - 60);
                    boolean percent = random.nextInt(4) > 0;
                    all.add(new MetricRecorder.Fetch(id, new VideoMetrics(at, views, views / 12, random.nextBoolean() ? null : views / 50,
                            null, null, views * 7, 7.5, percent ? 20 + random.nextInt(70) + random.nextDouble() : null,
                            random.nextInt(5) == 0 ? null : views * 2, (long) random.nextInt(30)), null, null));
                    if (random.nextInt(6) == 0) {
                        all.add(all.get(random.nextInt(all.size())));
                    }
                }
            }
            claims.adopt(10_000);
            Collections.shuffle(all, random);
            for (int from = 0; from < all.size();) {
                int to = Math.min(all.size(), from + 1 + random.nextInt(30));
                recorder.record(all.subList(from, to), Instant.now(), Map.of());
                from = to;
            }
            assertEqualsRecomputed();
        }
    }

    private void assertEqualsRecomputed() {
        RollupAssertions.assertEqualsRecomputed(rollups, brand);
    }
}
