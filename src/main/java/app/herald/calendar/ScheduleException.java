package app.herald.calendar;

import java.util.List;

/** A calendar change refused for a reason the user can fix (for schedules: every conflict {@link ScheduleRules} found). */
public class ScheduleException extends RuntimeException {

    public ScheduleException(List<String> conflicts) {
        super(String.join(" ", conflicts));
    }

    public ScheduleException(String message) {
        super(message);
    }
}
