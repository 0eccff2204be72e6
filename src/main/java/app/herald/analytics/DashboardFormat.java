package app.herald.analytics;

import java.util.Locale;

import app.herald.platform.Platform;

/** Numbers as people read them on the dashboards: 950, 1.2k, 3.4M, 34.5%, +12.0%; a missing value says why. */
public final class DashboardFormat {

    private DashboardFormat() {
    }

    /** A count, compact past a thousand: 950, 1.2k, 34.5k, 1.2M. */
    public static String count(Double value) {
        if (value == null) {
            return "—";
        }
        double abs = Math.abs(value);
        if (abs < 1_000) {
            return abs == Math.rint(abs) ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%.1f", value);
        }
        String[] units = { "k", "M", "B" };
        double scaled = value;
        int unit = -1;
        while (Math.abs(scaled) >= 999.95 && unit < units.length - 1) {
            scaled /= 1_000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f", scaled).replaceAll("\\.0$", "") + units[unit];
    }

    /** A percentage already scaled to 0–100: 34.5%. */
    public static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** The change from {@code previous} to {@code current} in percent, signed; "new" when there was nothing before. */
    public static String delta(Double current, Double previous) {
        Double change = relativeChange(current, previous);
        if (change == null) {
            return current == null || previous == null ? "no comparison" : current == 0 ? "±0%" : "new";
        }
        return (change > 0 ? "+" : change < 0 ? "−" : "±") + String.format(Locale.ROOT, "%.1f%%", Math.abs(change));
    }

    /** The change in percent, or null when either side is missing or the previous value is zero. */
    public static Double relativeChange(Double current, Double previous) {
        if (current == null || previous == null || previous == 0) {
            return null;
        }
        return (current - previous) / previous * 100;
    }

    /** What a page shows instead of a metric the platform does not give (never 0). */
    public static String notAvailable(Platform platform) {
        return "not available on " + platform.label();
    }
}
