package app.herald.analytics;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import app.herald.analytics.DashboardData.Chart;
import app.herald.analytics.DashboardData.Comparison;
import app.herald.analytics.DashboardData.HeatmapCell;
import app.herald.analytics.DashboardData.HeatmapChannel;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.analytics.DashboardData.PlatformResult;
import app.herald.analytics.DashboardData.StrategyRow;
import app.herald.analytics.DashboardData.TopRow;
import app.herald.audit.Csv;

/**
 * The CSV export of one dashboard report for the same brand, period and owner as the page: raw numbers (a metric a
 * platform does not give is an empty cell, never 0) and the reason beside it. Read first, then written row by row.
 */
@ApplicationScoped
public class DashboardCsv {

    /** The reports {@code /analytics/export.csv?report=} offers. */
    public static final List<String> REPORTS = List.of("kpis", "trend", "top", "compare", "strategies", "heatmap");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    @Inject
    DashboardQueries queries;

    public StreamingOutput export(String report, DashboardScope scope, String sort) {
        List<List<String>> rows = switch (report == null ? "" : report) {
            case "kpis" -> kpis(queries.kpis(scope));
            case "trend" -> chart(queries.trend(scope), "day");
            case "top" -> top(queries.top(scope, sort, DashboardQueries.EXPORT_ROWS));
            case "compare" -> compare(queries.comparisons(scope));
            case "strategies" -> strategies(queries.strategies(scope));
            case "heatmap" -> heatmap(queries.heatmap(scope));
            default -> throw new AnalyticsException("Unknown report '" + report + "': choose one of "
                    + String.join(", ", REPORTS) + ".");
        };
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            for (List<String> row : rows) {
                out.write(row.stream().map(DashboardCsv::cell).collect(Collectors.joining(",")));
                out.write("\r\n");
            }
            out.flush();
        };
    }

    private static List<List<String>> kpis(List<Kpi> kpis) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("kpi", "current", "previous", "change_percent"));
        kpis.forEach(kpi -> rows.add(List.of(kpi.label(), number(kpi.current()), number(kpi.previous()),
                number(kpi.change()))));
        return rows;
    }

    /** A chart as a table: one row per label, one value and note column per dataset. */
    static List<List<String>> chart(Chart chart, String labelHeader) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(labelHeader));
        chart.datasets().forEach(dataset -> {
            header.add(dataset.label());
            header.add(dataset.label() + " note");
        });
        rows.add(header);
        for (int i = 0; i < chart.labels().size(); i++) {
            List<String> row = new ArrayList<>(List.of(chart.labels().get(i)));
            for (var dataset : chart.datasets()) {
                Double value = dataset.data().get(i);
                row.add(number(value));
                row.add(value == null ? dataset.text().get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> top(List<TopRow> top) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("publication_id", "content_id", "title", "owner", "platform", "channel", "published_at",
                "views", "engagement_rate_percent", "average_percent_viewed", "followers_gained", "note"));
        for (TopRow row : top) {
            String note = Stream.of(row.views(), row.engagementRate(), row.percentViewed(), row.followers())
                    .anyMatch(value -> value == null) ? "empty cells: " + DashboardFormat.notAvailable(row.platform()) : "";
            rows.add(List.of(String.valueOf(row.publicationId()), String.valueOf(row.contentId()), row.title(),
                    row.owner(), row.platform().label(), row.channel(), row.publishedAt(), number(row.views()),
                    number(row.engagementRate()), number(row.percentViewed()), number(row.followers()), note));
        }
        return rows;
    }

    private static List<List<String>> compare(List<Comparison> comparisons) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("content_id", "title", "platform", "views", "engagement_rate_percent", "winner", "margin_views",
                "margin_percent", "verdict"));
        for (Comparison comparison : comparisons) {
            for (PlatformResult result : comparison.results()) {
                rows.add(List.of(String.valueOf(comparison.contentId()), comparison.title(), result.platform().label(),
                        number(result.views()), number(result.engagementRate()),
                        comparison.winner() == null ? "" : comparison.winner().label(), number(comparison.margin()),
                        number(comparison.marginPercent()), comparison.verdict()));
            }
        }
        return rows;
    }

    private static List<List<String>> strategies(List<StrategyRow> strategies) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("strategy", "content_items", "publications", "views_per_post", "engagement_rate_percent",
                "average_percent_viewed", "small_sample"));
        strategies.forEach(row -> rows.add(List.of(row.strategy().label(), String.valueOf(row.items()),
                String.valueOf(row.publications()), number(row.viewsPerPost()), number(row.engagementRate()),
                number(row.percentViewed()), String.valueOf(row.smallSample()))));
        return rows;
    }

    private static List<List<String>> heatmap(List<HeatmapChannel> channels) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("channel_id", "channel", "platform", "weekday", "hour", "posts", "relative_engagement", "state"));
        for (HeatmapChannel channel : channels) {
            for (List<HeatmapCell> day : channel.days()) {
                for (HeatmapCell cell : day) {
                    rows.add(List.of(String.valueOf(channel.channelId()), channel.name(), channel.platform().label(),
                            String.valueOf(cell.weekday() + 1), String.valueOf(cell.hour()), String.valueOf(cell.posts()),
                            number(cell.ratio()), cell.state()));
                }
            }
        }
        return rows;
    }

    /** Numbers as they are (a negative change is no formula); text quoted and defused by {@link Csv#cell}. */
    private static String cell(String value) {
        return value != null && NUMBER.matcher(value).matches() ? value : Csv.cell(value);
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
