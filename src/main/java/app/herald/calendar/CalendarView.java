package app.herald.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grid of a month (whole weeks, Monday first) or a week (hour rows), in the viewer's zone, with each entry
 * placed on the local day (and hour) of its instant.
 */
public record CalendarView(Mode mode, LocalDate anchor, LocalDate first, LocalDate last, ZoneId zone, String heading,
        List<List<Day>> weeks, List<Hour> hours, LocalDate previous, LocalDate next) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Month or week. */
    public enum Mode {
        MONTH, WEEK;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One entry with its local time of day and its markup values worked out once here: a month can hold thousands,
     * and each template expression costs more than the string it builds.
     */
    public record Item(CalendarEntry entry, String time, String classes, String tooltip, String spoken) {

        static Item of(CalendarEntry entry, String time) {
            String channel = entry.platform().label() + " · " + entry.channelName() + (entry.sandbox() ? " [Sandbox]" : "");
            return new Item(entry, time,
                    "pub-" + entry.status().cssName() + " platform-" + entry.platform().name().toLowerCase(Locale.ROOT),
                    channel + " · " + entry.status().label() + (entry.slotNote() == null ? "" : " · " + entry.slotNote()),
                    entry.platform().label() + (entry.sandbox() ? " Sandbox" : "") + ", " + entry.status().label() + ": ");
        }
    }

    /**
     * A day cell: its date, whether it belongs to the month shown, its entries in time order, and the month cell's
     * CSS classes (worked out here for the same reason as {@link Item}'s).
     */
    public record Day(LocalDate date, boolean inRange, boolean today, List<Item> items, String classes) {

        Day(LocalDate date, boolean inRange, boolean today, List<Item> items) {
            this(date, inRange, today, items, "cal-day" + (inRange ? "" : " cal-out") + (today ? " cal-today" : ""));
        }

        /** e.g. "Mon 2026-11-23", the week view's column header. */
        public String label() {
            return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date;
        }
    }

    /** A row of the week view: one hour across the seven days. */
    public record Hour(int hour, List<Day> days) {

        public String label() {
            return String.format("%02d:00", hour);
        }
    }

    /** The first and last local day the view shows (its range for the query). */
    public static LocalDate[] range(Mode mode, LocalDate anchor) {
        LocalDate first = mode == Mode.MONTH
                ? anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = mode == Mode.MONTH
                ? anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : first.plusDays(6);
        return new LocalDate[] { first, last };
    }

    public static CalendarView build(Mode mode, LocalDate anchor, LocalDate today, ZoneId zone, List<CalendarEntry> entries) {
        LocalDate[] range = range(mode, anchor);
        Map<LocalDate, List<Item>> byDay = new HashMap<>();
        for (CalendarEntry entry : entries) {
            var local = entry.scheduledAt().atZone(zone);
            byDay.computeIfAbsent(local.toLocalDate(), day -> new ArrayList<>()).add(Item.of(entry, TIME.format(local)));
        }
        List<List<Day>> weeks = new ArrayList<>();
        List<Hour> hours = new ArrayList<>();
        if (mode == Mode.MONTH) {
            for (LocalDate weekStart = range[0]; !weekStart.isAfter(range[1]); weekStart = weekStart.plusWeeks(1)) {
                List<Day> week = new ArrayList<>(7);
                for (int i = 0; i < 7; i++) {
                    LocalDate date = weekStart.plusDays(i);
                    week.add(new Day(date, date.getMonth() == anchor.getMonth(), date.equals(today),
                            byDay.getOrDefault(date, List.of())));
                }
                weeks.add(week);
            }
        } else {
            for (int hour = 0; hour < 24; hour++) {
                List<Day> days = new ArrayList<>(7);
                for (int i = 0; i < 7; i++) {
                    LocalDate date = range[0].plusDays(i);
                    int h = hour;
                    days.add(new Day(date, true, date.equals(today), byDay.getOrDefault(date, List.of()).stream()
                            .filter(item -> item.entry().scheduledAt().atZone(zone).getHour() == h).toList()));
                }
                hours.add(new Hour(hour, days));
            }
        }
        String heading = mode == Mode.MONTH
                ? anchor.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH))
                : "Week of " + range[0] + " – " + range[1];
        LocalDate previous = mode == Mode.MONTH ? anchor.minusMonths(1).withDayOfMonth(1) : range[0].minusWeeks(1);
        LocalDate next = mode == Mode.MONTH ? anchor.plusMonths(1).withDayOfMonth(1) : range[0].plusWeeks(1);
        return new CalendarView(mode, anchor, range[0], range[1], zone, heading, weeks, hours, previous, next);
    }

    /** Every entry shown, for the accessible list under the grid. */
    public int count() {
        return mode == Mode.MONTH
                ? weeks.stream().flatMap(List::stream).filter(Day::inRange).mapToInt(day -> day.items().size()).sum()
                : hours.stream().flatMap(hour -> hour.days().stream()).mapToInt(day -> day.items().size()).sum();
    }
}
