package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The demo's metrics history: fast, spread over strategies, weekdays and hours, rolled up right, seeded once. */
@QuarkusTest
class DemoMetricsHistoryTest {

    private static final String ZONE = "America/New_York";

    @Inject
    DemoMetricsHistory history;

    @Inject
    MetricRollups rollups;

    @Inject
    EntityManager em;

    @Test
    void ninetyDaysOfHistoryAcrossStrategiesWeekdaysAndHoursInUnderTenSeconds() {
        long brand = CalendarFixture.brand(ZONE);
        List<Long> channels = List.of(Platform.values()).stream()
                .map(platform -> CalendarFixture.channel(brand, platform, ZONE, 10, 0, ChannelStatus.ACTIVE)).toList();
        Instant now = Instant.now();

        long started = System.nanoTime();
        int seeded = history.seed(brand, now);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("seeding time in ms").isLessThan(10_000);
        assertThat(seeded).isBetween(43 * 3, 45 * 3);
        @SuppressWarnings("unchecked")
        List<Object[]> published = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT c.sequencing,"
                + " p.published_at, p.status FROM publication p JOIN content_item c ON c.id = p.content_id WHERE c.brand_id = ?1")
                .setParameter(1, brand).getResultList());
        Set<Object> strategies = new HashSet<>();
        Set<DayOfWeek> weekdays = new HashSet<>();
        Set<Integer> hours = new HashSet<>();
        for (Object[] row : published) {
            strategies.add(row[0]);
            var local = ((LocalDateTime) row[1]).toInstant(ZoneOffset.UTC).atZone(ZoneId.of(ZONE));
            weekdays.add(local.getDayOfWeek());
            hours.add(local.getHour());
            assertThat(row[2]).isEqualTo("PUBLISHED");
        }
        assertThat(strategies).containsExactlyInAnyOrder("VIRAL_FIRST", "AUTHORITY_FIRST", "BALANCED");
        assertThat(weekdays).hasSize(7);
        assertThat(hours.size()).isGreaterThanOrEqualTo(10);
        long snapshots = ((Number) MetricsFixture.single("SELECT COUNT(*) FROM metric_snapshot s JOIN publication_metrics pm"
                + " ON pm.publication_id = s.publication_id WHERE pm.brand_id = ?1", brand)).longValue();
        // The decaying schedule: 24 quarter-hours, 66 hours, 27 days and up to 9 weeks per publication, less for the young.
        assertThat(snapshots).isBetween(seeded * 40L, seeded * 126L);
        long days = ((Number) MetricsFixture.single("SELECT COUNT(*) FROM brand_metric_day WHERE brand_id = ?1 AND views IS NOT NULL",
                brand)).longValue();
        assertThat(days).isGreaterThanOrEqualTo(85);
        assertThat(MetricsFixture.single("SELECT SUM(posts_published) FROM brand_metric_day WHERE brand_id = ?1", brand))
                .isEqualTo(java.math.BigDecimal.valueOf(seeded));
        // TikTok gives no watch time: its channel's rows keep it empty, never 0.
        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM channel_metric_day WHERE channel_id = ?1 AND watch_time_seconds IS NOT NULL",
                channels.get(Platform.TIKTOK.ordinal()))).isEqualTo(0L);
        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM publication_metrics WHERE brand_id = ?1 AND next_fetch_at IS NOT NULL",
                brand)).isEqualTo(0L);
        RollupAssertions.assertEqualsRecomputed(rollups, brand);

        // Seeded once: a second start leaves it as it is.
        assertThat(history.seed(brand, Instant.now())).isZero();
        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM publication p JOIN channel c ON c.id = p.channel_id WHERE c.brand_id = ?1",
                brand)).isEqualTo((long) seeded);
        assertThat(CalendarFixture.member(brand, Role.MANAGER).session().page("/channels/" + channels.get(0))
                .select("dd.metrics-as-of").text()).endsWith("(" + ZONE + ")");
    }
}
