package app.herald.calendar;

import java.time.Instant;

import app.herald.platform.Platform;

/** One publication as the calendar draws it: a flat projection, so a month of thousands renders quickly. */
public record CalendarEntry(long id, Instant scheduledAt, PublicationStatus status, String title, long channelId,
        Platform platform, String channelName, boolean sandbox, long brandId) {
}
