package app.herald.experiment;

import java.util.Locale;

/**
 * The primary metrics an experiment can be judged on, each as a SQL expression over a post's day rollup
 * {@code publication_metric_day d} (cumulative values; null when the platform does not give it, never 0) and how pages
 * print it.
 */
public enum ExperimentMetric {
    AVERAGE_PERCENT_VIEWED("Average % viewed",
            "case when d.views_with_percent > 0 then 100.0 * d.percent_viewed_views / d.views_with_percent end", true),
    ENGAGEMENT_RATE("Engagement rate",
            "case when d.views > 0 and coalesce(d.likes, d.comments, d.shares, d.saves) is not null then"
                    + " (coalesce(d.likes, 0) + coalesce(d.comments, 0) + coalesce(d.shares, 0) + coalesce(d.saves, 0))"
                    + " * 100.0 / d.views end", true),
    VIEWS("Views", "d.views", false);

    private final String label;
    private final String sql;
    private final boolean percent;

    ExperimentMetric(String label, String sql, boolean percent) {
        this.label = label;
        this.sql = sql;
        this.percent = percent;
    }

    public String label() {
        return label;
    }

    /** The metric as a SQL expression over the alias {@code d} of {@code publication_metric_day}. */
    String sql() {
        return sql;
    }

    /** "34.5%" or "12,400"; a dash when there is no value. */
    public String format(Double value) {
        if (value == null) {
            return "—";
        }
        return percent ? String.format(Locale.ROOT, "%.1f%%", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The metric named {@code name} (its enum name); refused with the names Herald knows. */
    static ExperimentMetric parse(String name) {
        for (ExperimentMetric metric : values()) {
            if (metric.name().equals(name)) {
                return metric;
            }
        }
        throw new ExperimentException(name == null || name.isBlank() ? "Choose the primary metric."
                : "Unknown metric '" + name + "': choose average % viewed, engagement rate or views.");
    }
}
