package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import app.herald.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/** Documented default slots, read as wall-clock times in the audience's zone. */
class SlotAdvisorTest {

    private final SlotAdvisor advisor = new SlotAdvisor();

    @Test
    void nextSlotIsTheFirstDefaultAtOrAfterTheGivenInstantInTheZone() {
        // 07:00 in New York: TikTok's next slot is 10:00 EST.
        SlotAdvisor.Slot slot = advisor.next(Platform.TIKTOK, ZoneId.of("America/New_York"),
                Instant.parse("2026-11-21T12:00:00Z"), day -> true);

        assertThat(slot.at().toInstant()).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
        assertThat(slot.source()).isEqualTo(SlotSource.DOCUMENTED_DEFAULT);
    }

    @Test
    void theSameSlotIsLocalToEachZone() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(advisor.next(Platform.YOUTUBE_SHORTS, ZoneId.of("Europe/Berlin"), now, day -> true).at().toInstant())
                .isEqualTo(Instant.parse("2026-11-21T13:00:00Z"));
        assertThat(advisor.next(Platform.YOUTUBE_SHORTS, ZoneId.of("America/New_York"), now, day -> true).at().toInstant())
                .isEqualTo(Instant.parse("2026-11-21T19:00:00Z"));
    }

    @Test
    void afterTheLastSlotOfTheDayAndOnRefusedDaysItMovesOn() {
        Instant late = Instant.parse("2026-11-22T02:00:00Z"); // 21:00 EST on the 21st
        SlotAdvisor.Slot slot = advisor.next(Platform.FACEBOOK_REELS, ZoneId.of("America/New_York"), late,
                day -> !day.equals(LocalDate.of(2026, 11, 22)));

        assertThat(slot.at().toLocalDateTime().toString()).isEqualTo("2026-11-23T13:00");
    }

    @Test
    void slotsKeepTheirWallClockTimeAcrossDaylightSavingChanges() {
        // Sunday 2026-03-08 New York springs forward: 14:00 is EDT (UTC-4) that day, 18:00 UTC.
        SlotAdvisor.Slot slot = advisor.next(Platform.YOUTUBE_SHORTS, ZoneId.of("America/New_York"),
                Instant.parse("2026-03-08T12:00:00Z"), day -> true);

        assertThat(slot.at().toInstant()).isEqualTo(Instant.parse("2026-03-08T18:00:00Z"));
    }
}
