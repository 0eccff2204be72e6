package app.herald.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for templates; every time printed carries its zone. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static String utcText(Instant instant) {
        return UTC.format(instant);
    }

    /** The local date of {@code instant} in {@code zone}, e.g. for a calendar link. */
    static String inZoneDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString();
    }

    /** e.g. "2026-12-01 14:00 EST (America/New_York)": wall-clock time in {@code zone} with the zone named. */
    static String inZone(Instant instant, String zone) {
        return ZonedTime.format(instant, ZoneId.of(zone));
    }
}
