package app.herald.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How pages print an instant in a zone: e.g. "2026-12-01 14:00 EST (America/New_York)", the zone always named. */
public final class ZonedTime {

    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");

    private ZonedTime() {
    }

    public static String format(Instant instant, ZoneId zone) {
        return ZONED.withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }
}
