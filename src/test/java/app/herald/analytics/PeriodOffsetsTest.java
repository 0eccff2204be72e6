package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Local times of a period in SQL and in Java agree with the zone's rules on both sides of a daylight-saving change. */
class PeriodOffsetsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long epoch(String utc) {
        return LocalDateTime.parse(utc).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void aPeriodAcrossTheSpringChangeGivesEachInstantItsOwnOffset() {
        PeriodOffsets offsets = new PeriodOffsets(new AnalyticsPeriod("custom", LocalDate.of(2026, 3, 23),
                LocalDate.of(2026, 3, 30), BERLIN));

        // 09:00 UTC is 10:00 in Berlin before 29 March 01:00 UTC and 11:00 after it.
        assertThat(offsets.local(epoch("2026-03-23T09:00"))).isEqualTo(epoch("2026-03-23T10:00"));
        assertThat(offsets.local(epoch("2026-03-29T00:59:59"))).isEqualTo(epoch("2026-03-29T01:59:59"));
        assertThat(offsets.local(epoch("2026-03-29T01:00"))).isEqualTo(epoch("2026-03-29T03:00"));
        assertThat(offsets.local(epoch("2026-03-30T09:00"))).isEqualTo(epoch("2026-03-30T11:00"));
        assertThat(offsets.localSql("pm.published_at")).isEqualTo("DATE_ADD(pm.published_at, INTERVAL (CASE"
                + " WHEN pm.published_at < '2026-03-29T01:00' THEN 3600 ELSE 7200 END) SECOND)");
    }

    @Test
    void aPeriodWithoutAChangeHasTheOffsetOfItsSeason() {
        PeriodOffsets offsets = new PeriodOffsets(new AnalyticsPeriod("custom", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 7), BERLIN));

        assertThat(offsets.local(epoch("2026-06-03T22:30"))).isEqualTo(epoch("2026-06-04T00:30"));
        assertThat(offsets.localSql("pm.published_at")).isEqualTo("DATE_ADD(pm.published_at, INTERVAL 7200 SECOND)");
        PeriodOffsets winter = new PeriodOffsets(new AnalyticsPeriod("custom", LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 11), BERLIN));
        assertThat(winter.localSql("pm.published_at")).isEqualTo("DATE_ADD(pm.published_at, INTERVAL 3600 SECOND)");
    }
}
