package app.herald.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The days a dashboard covers, inclusive, as calendar days in the brand's zone, and the previous period of equal
 * length it is compared with. Read from {@code period} (7d, 28d, 90d or custom) and, for custom, {@code from}/{@code to}.
 */
public record AnalyticsPeriod(String key, LocalDate from, LocalDate to, ZoneId zone) {

    /** The presets of the period picker. */
    public static final List<String> PRESETS = List.of("7d", "28d", "90d");
    static final String DEFAULT = "28d";
    static final String CUSTOM = "custom";
    /** Longest custom period: a year of day rows is still a quick read of the rollups. */
    static final int MAX_DAYS = 366;

    public static AnalyticsPeriod parse(String period, String from, String to, ZoneId zone, LocalDate today) {
        String key = period == null || period.isBlank() ? DEFAULT : period.trim();
        if (PRESETS.contains(key)) {
            int days = Integer.parseInt(key.substring(0, key.length() - 1));
            return new AnalyticsPeriod(key, today.minusDays(days - 1L), today, zone);
        }
        if (!CUSTOM.equals(key)) {
            throw new AnalyticsException("Unknown period '" + key + "': choose 7d, 28d, 90d or custom (with from and to).");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new AnalyticsException("The period ends (" + end + ") before it starts (" + start + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new AnalyticsException("A custom period covers at most " + MAX_DAYS + " days.");
        }
        return new AnalyticsPeriod(CUSTOM, start, end, zone);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new AnalyticsException("A custom period needs '" + name + "' as a date (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(value.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new AnalyticsException("'" + name + "' is not a date (YYYY-MM-DD): " + value.trim());
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public LocalDate previousFrom() {
        return from.minusDays(days());
    }

    public LocalDate previousTo() {
        return from.minusDays(1);
    }

    /** The period's first instant, as the UTC wall-clock value the DATETIME columns hold. */
    public LocalDateTime startUtc() {
        return utc(from);
    }

    /** The instant just after the period, as a UTC DATETIME value. */
    public LocalDateTime endUtc() {
        return utc(to.plusDays(1));
    }

    private LocalDateTime utc(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    /** e.g. "2026-11-10 – 2026-12-07 (28 days, Europe/Berlin)". */
    public String label() {
        return from + " – " + to + " (" + days() + " days, " + zone.getId() + ")";
    }

    public String previousLabel() {
        return previousFrom() + " – " + previousTo();
    }

    /** The query string that selects this period again (for links and the JSON, CSV addresses). */
    public String query() {
        return CUSTOM.equals(key) ? "period=custom&from=" + from + "&to=" + to : "period=" + key;
    }
}
