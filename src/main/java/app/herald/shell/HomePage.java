package app.herald.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import app.herald.calendar.CalendarEntry;
import app.herald.content.ContentState;

/**
 * What the home page tells one user, section by section; a section their roles do not open is null. Plain values
 * with times already written in the user's zone, so the page can be kept between requests and renders quickly.
 */
public record HomePage(boolean hasBrands, boolean showsAudit, ZoneId zone, List<Unread> unread, ReviewQueue review,
        OwnContent content, List<Scheduled> week) {

    /** How many notifications the home page lists; the rest are on the notifications page. */
    static final int UNREAD_SHOWN = 5;
    /** How many sent-back items the home page lists. */
    static final int SENT_BACK_SHOWN = 10;
    /** How far ahead the manager's section looks. */
    static final Duration WEEK = Duration.ofDays(7);

    /** An unread notification, with when it came. */
    public record Unread(String message, String link, String time) {
    }

    /** The reviewer's queue: how many items wait and the one waiting longest (null when none). */
    public record ReviewQueue(long waiting, Waiting oldest) {
    }

    /** The item that has waited longest for review. */
    public record Waiting(long id, String title, String brand, String submittedBy, Instant submittedAt) {

        /** e.g. "2 days 3 h", "45 min", "less than a minute". */
        public String waitingFor(Instant now) {
            Duration waited = Duration.between(submittedAt, now);
            if (waited.toMinutes() < 1) {
                return "less than a minute";
            }
            if (waited.toHours() < 1) {
                return waited.toMinutes() + " min";
            }
            if (waited.toDays() < 1) {
                return waited.toHours() + " h " + waited.toMinutesPart() + " min";
            }
            return waited.toDays() + (waited.toDays() == 1 ? " day " : " days ") + waited.toHoursPart() + " h";
        }
    }

    /** The user's own content: how many items per state (states with none left out) and what was sent back. */
    public record OwnContent(List<StateCount> byState, List<SentBack> sentBack) {
    }

    /** How many of the user's items are in one state. */
    public record StateCount(ContentState state, long count) {
    }

    /** An item a reviewer sent back, with their latest request for changes and when they made it. */
    public record SentBack(long id, String title, String reviewer, String comment, String time) {
    }

    /** A publication of the coming week: when, on which channel, and whether it needs attention. */
    public record Scheduled(CalendarEntry entry, String time, String channel, boolean needsAttention) {
    }
}
