package app.herald.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import app.herald.analytics.DashboardData.Chart;
import app.herald.analytics.DashboardData.Dataset;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.analytics.DashboardData.TopRow;

/**
 * One brand's period as the printable report and its PDF show it: the dashboard's KPI tiles, trend and top content,
 * read by the dashboard's own queries so every number is the one the dashboard shows for the same filters.
 */
public record PeriodReport(DashboardScope scope, List<Kpi> kpis, Chart trend, List<Sparkline> sparklines,
        List<TopRow> top, String sort) {

    /** Width and height of a sparkline's viewBox. */
    static final int SPARK_WIDTH = 160;
    static final int SPARK_HEIGHT = 32;

    /** One platform's trend as an SVG polyline (drawn by the browser, no script), with its total for the label. */
    public record Sparkline(String label, String points, String total) {
    }

    public static PeriodReport read(DashboardQueries queries, DashboardScope scope, String sort) {
        List<TopRow> top = queries.top(scope, sort, DashboardQueries.TOP_ROWS);
        Chart trend = queries.trend(scope);
        return new PeriodReport(scope, queries.kpis(scope), trend, sparklines(trend), top, sort);
    }

    public String periodLabel() {
        return scope.period().label();
    }

    public String previousLabel() {
        return scope.period().previousLabel();
    }

    public String zone() {
        return scope.period().zone().getId();
    }

    /** e.g. "herald-report-acme-2026-03-02-2026-03-08.pdf": the brand's name reduced to safe file-name letters. */
    public String fileName() {
        String brand = scope.brandName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "herald-report-" + (brand.isEmpty() ? "brand-" + scope.brandId() : brand) + "-" + scope.period().from()
                + "-" + scope.period().to() + ".pdf";
    }

    /**
     * A polyline per platform scaled to the highest day of any platform, so lines compare; a day without a number
     * breaks nothing (it is skipped), and a platform with no number at all gets no line.
     */
    static List<Sparkline> sparklines(Chart trend) {
        double max = trend.datasets().stream().flatMap(set -> set.data().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        List<Sparkline> lines = new ArrayList<>();
        int days = trend.labels().size();
        for (Dataset set : trend.datasets()) {
            StringBuilder points = new StringBuilder();
            double total = 0;
            for (int i = 0; i < days; i++) {
                Double value = set.data().get(i);
                if (value == null) {
                    continue;
                }
                total += value;
                double x = days == 1 ? SPARK_WIDTH / 2.0 : i * (double) SPARK_WIDTH / (days - 1);
                double y = max <= 0 ? SPARK_HEIGHT : SPARK_HEIGHT - value / max * SPARK_HEIGHT;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            if (!points.isEmpty()) {
                lines.add(new Sparkline(set.label(), points.toString().strip(), DashboardFormat.count(total)));
            }
        }
        return lines;
    }
}
