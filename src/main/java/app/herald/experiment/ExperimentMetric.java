package app.herald.experiment;

import java.util.Locale;

/**
 * The primary metrics an experiment can be judged on, each as a SQL expression over {@code publication_metrics pm}
 * (null when the platform does not give it, never 0) and how pages print it.
 */
public enum ExperimentMetric {
    AVERAGE_PERCENT_VIEWED("Average % viewed", "pm.average_percent_viewed", true),
    ENGAGEMENT_RATE("Engagement rate",
            "case when pm.views > 0 and coalesce(pm.likes, pm.comments, pm.shares, pm.saves) is not null then"
                    + " (coalesce(pm.likes, 0) + coalesce(pm.comments, 0) + coalesce(pm.shares, 0) + coalesce(pm.saves, 0))"
                    + " * 100.0 / pm.views end", true),
    VIEWS("Views", "pm.views", false);

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

    /** The metric as a SQL expression over the alias {@code pm} of {@code publication_metrics}. */
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
