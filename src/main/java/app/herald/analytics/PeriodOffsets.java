package app.herald.analytics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A period's zone offsets: the offset at its start and at each transition inside it (daylight saving: none to a few),
 * so a post's local time costs a comparison or two in Java, and a short CASE in SQL without time zone tables.
 */
final class PeriodOffsets {

    /** Epoch second from which each offset holds (the first: always). */
    private final long[] from;
    private final int[] seconds;

    PeriodOffsets(AnalyticsPeriod period) {
        ZoneRules rules = period.zone().getRules();
        Instant start = period.startUtc().toInstant(ZoneOffset.UTC);
        Instant end = period.endUtc().toInstant(ZoneOffset.UTC);
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        for (ZoneOffsetTransition next = rules.nextTransition(start); next != null && next.getInstant().isBefore(end);
                next = rules.nextTransition(next.getInstant())) {
            changes.add(next);
        }
        from = new long[changes.size() + 1];
        seconds = new int[changes.size() + 1];
        from[0] = Long.MIN_VALUE;
        seconds[0] = rules.getOffset(start).getTotalSeconds();
        for (int i = 0; i < changes.size(); i++) {
            from[i + 1] = changes.get(i).toEpochSecond();
            seconds[i + 1] = changes.get(i).getOffsetAfter().getTotalSeconds();
        }
    }

    /** The local wall-clock time, as epoch seconds, of {@code epochSecond} (an instant within the period). */
    long local(long epochSecond) {
        int stretch = from.length - 1;
        while (from[stretch] > epochSecond) {
            stretch--;
        }
        return epochSecond + seconds[stretch];
    }

    /** {@code column} (a UTC DATETIME within the period) as wall-clock time in the period's zone, in SQL. */
    String localSql(String column) {
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i < from.length; i++) {
            cases.append(" WHEN ").append(column).append(" < '")
                    .append(LocalDateTime.ofEpochSecond(from[i], 0, ZoneOffset.UTC)).append("' THEN ").append(seconds[i - 1]);
        }
        int last = seconds[seconds.length - 1];
        String offset = cases.isEmpty() ? String.valueOf(last) : "(CASE" + cases + " ELSE " + last + " END)";
        return "DATE_ADD(" + column + ", INTERVAL " + offset + " SECOND)";
    }
}
