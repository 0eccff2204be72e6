package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Periods in the brand's zone, their previous period, and wall-clock hours across a daylight-saving change. */
class AnalyticsPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 30);

    @Test
    void aPresetEndsTodayAndIsComparedWithTheDaysJustBefore() {
        AnalyticsPeriod period = AnalyticsPeriod.parse("7d", null, null, BERLIN, TODAY);
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(period.previousFrom()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(period.previousTo()).isEqualTo(LocalDate.of(2026, 3, 23));
        // Midnight in Berlin, as the UTC value the DATETIME columns hold: CET before the change, CEST after.
        assertThat(period.startUtc()).isEqualTo(LocalDateTime.of(2026, 3, 23, 23, 0));
        assertThat(period.endUtc()).isEqualTo(LocalDateTime.of(2026, 3, 30, 22, 0));
        assertThat(AnalyticsPeriod.parse(null, null, null, BERLIN, TODAY).days()).isEqualTo(28);
    }

    @Test
    void aCustomPeriodNeedsTwoDatesInOrder() {
        assertThatThrownBy(() -> AnalyticsPeriod.parse("custom", "2026-03-01", null, BERLIN, TODAY))
                .hasMessage("A custom period needs 'to' as a date (YYYY-MM-DD).");
        assertThatThrownBy(() -> AnalyticsPeriod.parse("custom", "03/01/2026", "2026-03-08", BERLIN, TODAY))
                .hasMessage("'from' is not a date (YYYY-MM-DD): 03/01/2026");
        assertThatThrownBy(() -> AnalyticsPeriod.parse("month", null, null, BERLIN, TODAY))
                .hasMessageStartingWith("Unknown period 'month'");
    }
}
