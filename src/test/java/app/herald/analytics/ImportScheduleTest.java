package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.herald.system.StartupFailure;

/** The default decaying schedule, and a malformed one refused with an example at start-up. */
class ImportScheduleTest {

    private static final ImportSchedule DEFAULT = new ImportSchedule(
            ImportSchedule.parse("15m until 6h, 1h until 3d, 1d until 30d, 7d until 90d"));
    private static final Instant PUBLISHED = Instant.parse("2026-10-01T12:00:00Z");

    private static Duration after(Duration age) {
        Instant fetched = PUBLISHED.plus(age);
        Instant next = DEFAULT.next(PUBLISHED, fetched);
        return next == null ? null : Duration.between(fetched, next);
    }

    @Test
    void everyFifteenMinutesThenHourlyThenDailyThenWeeklyThenNever() {
        assertThat(after(Duration.ZERO)).isEqualTo(Duration.ofMinutes(15));
        assertThat(after(Duration.ofHours(5).plusMinutes(59))).isEqualTo(Duration.ofMinutes(15));
        assertThat(after(Duration.ofHours(6))).isEqualTo(Duration.ofHours(1));
        assertThat(after(Duration.ofDays(3).minusMinutes(1))).isEqualTo(Duration.ofHours(1));
        assertThat(after(Duration.ofDays(3))).isEqualTo(Duration.ofDays(1));
        assertThat(after(Duration.ofDays(29))).isEqualTo(Duration.ofDays(1));
        assertThat(after(Duration.ofDays(30))).isEqualTo(Duration.ofDays(7));
        // The last fetch falls on day 90 exactly, then none.
        assertThat(after(Duration.ofDays(88))).isEqualTo(Duration.ofDays(2));
        assertThat(after(Duration.ofDays(90))).isNull();
        assertThat(after(Duration.ofDays(200))).isNull();
    }

    @Test
    void aMalformedScheduleStopsTheStartWithAnExample() {
        for (String bad : new String[] { "15m", "15m until 6h, 1h until 2h", "0s until 6h", "soon until 6h", "" }) {
            assertThatThrownBy(() -> ImportSchedule.parse(bad)).as(bad).isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("herald.metrics.schedule").hasMessageContaining("Example: 15m until 6h");
        }
    }
}
