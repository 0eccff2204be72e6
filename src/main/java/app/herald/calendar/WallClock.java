package app.herald.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns wall-clock times people choose into instants, with one rule for daylight-saving edges: a time that does
 * not exist (spring forward) moves to the next valid minute, i.e. the moment the clocks jump; an ambiguous time
 * (fall back) means its first occurrence.
 */
public final class WallClock {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz");

    private WallClock() {
    }

    public static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            // java.time would shift by the gap's length (02:30 → 03:30); the first valid minute is the jump itself.
            return transition.getInstant().atZone(zone);
        }
        // Outside a gap, a null preferred offset keeps the earlier offset of an overlap: the first occurrence.
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /** e.g. "Sat 2026-11-21 14:00 EST": how messages and pages print a time in a zone. */
    public static String format(ZonedDateTime time) {
        return SHOWN.format(time);
    }
}
