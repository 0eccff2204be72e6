package app.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Daylight-saving edges: missing wall-clock times move to the jump, ambiguous ones mean the first occurrence. */
class WallClockTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            // Spring forward: 02:00–02:59 does not exist; the next valid minute is 03:00 local.
            "America/New_York, 2026-03-08T02:30, 2026-03-08T07:00:00Z, 2026-03-08T03:00",
            "America/New_York, 2026-03-08T02:00, 2026-03-08T07:00:00Z, 2026-03-08T03:00",
            "Europe/Berlin,    2026-03-29T02:30, 2026-03-29T01:00:00Z, 2026-03-29T03:00",
            // Fall back: 01:00–01:59 (New York) and 02:00–02:59 (Berlin) happen twice; the first one counts.
            "America/New_York, 2026-11-01T01:30, 2026-11-01T05:30:00Z, 2026-11-01T01:30",
            "Europe/Berlin,    2026-10-25T02:30, 2026-10-25T00:30:00Z, 2026-10-25T02:30",
            // An ordinary time is left alone.
            "Europe/Berlin,    2026-12-01T14:00, 2026-12-01T13:00:00Z, 2026-12-01T14:00" })
    void resolvesWallClockTimes(String zone, String local, String instant, String shownLocal) {
        ZonedDateTime resolved = WallClock.resolve(LocalDateTime.parse(local), ZoneId.of(zone));

        assertThat(resolved.toInstant()).isEqualTo(Instant.parse(instant));
        assertThat(resolved.toLocalDateTime()).isEqualTo(LocalDateTime.parse(shownLocal));
    }
}
