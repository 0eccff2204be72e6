package app.herald.web;

import java.time.Instant;
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
}
