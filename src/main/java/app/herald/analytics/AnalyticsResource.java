package app.herald.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.herald.account.Role;
import app.herald.analytics.DashboardData.Chart;
import app.herald.analytics.DashboardData.Comparison;
import app.herald.analytics.DashboardData.HeatmapChannel;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.analytics.DashboardData.StrategyRow;
import app.herald.analytics.DashboardData.TopRow;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import app.herald.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The analytics dashboards: the page (KPI tiles, trend, top content, cross-platform and strategy comparisons,
 * best-time heatmap, each with its table), one JSON endpoint per chart under {@code /analytics/data/} and the CSV
 * export of any of them, all for one brand and period. Managers and admins read whole brands; a marketer reads the
 * numbers of the content they created only.
 */
@Path("/analytics")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class AnalyticsResource {

    @Inject
    BrandAccess brandAccess;

    @Inject
    Viewer viewer;

    @Inject
    DashboardScopes scopes;

    @Inject
    DashboardQueries queries;

    @Inject
    DashboardCsv csv;

    @Inject
    Recommendations recommendations;

    @Inject
    HeraldConfig config;

    @Inject
    ObjectMapper json;

    /** The page's picker and heading: the brands to choose from and what is shown. */
    public record Picker(List<Brand> brands, Long brandId, String period, String from, String to, String sort,
            List<String> presets, String zone, String periodLabel, String previousLabel, boolean ownContentOnly,
            String query) {
    }

    /** Everything the page shows for one scope. */
    public record Dashboard(List<Kpi> kpis, Chart trend, List<TopRow> top, Chart topChart, List<Comparison> comparisons,
            Chart comparisonChart, List<StrategyRow> strategies, Chart strategyChart, List<HeatmapChannel> heatmap,
            List<Recommendations.Insight> insights, boolean hasPosts) {
    }

    @CheckedTemplate(basePath = "analytics")
    static class Templates {
        static native TemplateInstance dashboard(Picker picker, Dashboard dashboard, String error,
                Map<Platform, String> viewDefinitions, List<String> sorts, int minPosts, List<String> weekdays,
                int insightMinPosts);
    }

    private static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam AnalyticsFilter filter) {
        List<Brand> brands = brandAccess.visibleBrands();
        String sortKey = filter.sortKey();
        Optional<DashboardScope> scope;
        try {
            scope = scopes.scope(filter);
        } catch (AnalyticsException e) {
            Picker picker = new Picker(brands, null, filter.period, filter.from, filter.to, sortKey, AnalyticsPeriod.PRESETS, "", "", "",
                    scopes.ownContentOnly(), "");
            return Response.status(Response.Status.BAD_REQUEST).entity(page(picker, null, e.getMessage())).build();
        }
        if (scope.isEmpty()) {
            Picker picker = new Picker(brands, null, AnalyticsPeriod.DEFAULT, null, null, sortKey,
                    AnalyticsPeriod.PRESETS, viewer.zone().getId(), "", "", scopes.ownContentOnly(), "");
            return Response.ok(page(picker, null, null)).build();
        }
        DashboardScope shown = scope.get();
        AnalyticsPeriod shownPeriod = shown.period();
        Picker picker = new Picker(brands, shown.brandId(), shownPeriod.key(), shownPeriod.from().toString(),
                shownPeriod.to().toString(), sortKey, AnalyticsPeriod.PRESETS, shownPeriod.zone().getId(),
                shownPeriod.label(), shownPeriod.previousLabel(), shown.ownContentOnly(), shown.query());
        List<TopRow> top;
        try {
            top = queries.top(shown, sortKey, DashboardQueries.TOP_ROWS);
        } catch (AnalyticsException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(picker, null, e.getMessage())).build();
        }
        List<Kpi> kpis = queries.kpis(shown);
        List<Comparison> comparisons = queries.comparisons(shown);
        List<StrategyRow> strategies = queries.strategies(shown);
        Dashboard dashboard = new Dashboard(kpis, queries.trend(shown), top, DashboardQueries.topChart(top),
                comparisons, DashboardQueries.comparisonChart(comparisons), strategies,
                DashboardQueries.strategyChart(strategies), queries.heatmap(shown), recommendations.insights(shown),
                !top.isEmpty());
        return Response.ok(page(picker, dashboard, null)).build();
    }

    private TemplateInstance page(Picker picker, Dashboard dashboard, String error) {
        return Templates.dashboard(picker, dashboard, error, DashboardData.VIEW_DEFINITIONS,
                List.copyOf(DashboardQueries.TOP_SORTS.keySet()), config.analytics().minPosts(), WEEKDAYS,
                config.analytics().insightMinPosts());
    }

    @GET
    @Path("data/kpis")
    public Response kpis(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> Map.of("kpis", queries.kpis(scope)));
    }

    @GET
    @Path("data/trend")
    public Response trend(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> Map.of("chart", queries.trend(scope)));
    }

    @GET
    @Path("data/top")
    public Response top(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> {
            List<TopRow> rows = queries.top(scope, filter.sortKey(), DashboardQueries.TOP_ROWS);
            return Map.of("rows", rows, "chart", DashboardQueries.topChart(rows));
        });
    }

    @GET
    @Path("data/compare")
    public Response compare(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> {
            List<Comparison> items = queries.comparisons(scope);
            return Map.of("items", items, "chart", DashboardQueries.comparisonChart(items),
                    "viewDefinitions", DashboardData.VIEW_DEFINITIONS);
        });
    }

    @GET
    @Path("data/strategies")
    public Response strategies(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> {
            List<StrategyRow> rows = queries.strategies(scope);
            return Map.of("rows", rows, "chart", DashboardQueries.strategyChart(rows));
        });
    }

    @GET
    @Path("data/heatmap")
    public Response heatmap(@BeanParam AnalyticsFilter filter) {
        return data(filter, scope -> Map.of("channels", queries.heatmap(scope),
                "minPosts", config.analytics().minPosts()));
    }

    /** The CSV of one report ({@code report}: kpis, trend, top, compare, strategies, heatmap) for the same filters. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("report") String report, @BeanParam AnalyticsFilter filter) {
        try {
            DashboardScope scope = scopes.scope(filter).orElseThrow(NotFoundException::new);
            return Response.ok(csv.export(report, scope, filter.sortKey()),
                    "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"herald-"
                            + report + "-" + scope.period().from() + "-" + scope.period().to() + ".csv\"").build();
        } catch (AnalyticsException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(e.getMessage()).build();
        }
    }

    /** What one JSON endpoint reads for a scope (serialised here, so the app needs no JSON extension for six routes). */
    private interface Reader {
        Map<String, Object> read(DashboardScope scope);
    }

    private Response data(AnalyticsFilter filter, Reader reader) {
        try {
            DashboardScope scope = scopes.scope(filter).orElseThrow(NotFoundException::new);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("brand", scope.brandName());
            body.put("zone", scope.period().zone().getId());
            body.put("from", scope.period().from().toString());
            body.put("to", scope.period().to().toString());
            body.put("previousFrom", scope.period().previousFrom().toString());
            body.put("previousTo", scope.period().previousTo().toString());
            body.put("ownContentOnly", scope.ownContentOnly());
            body.putAll(reader.read(scope));
            return Response.ok(json(body), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        } catch (AnalyticsException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(json(Map.of("error", e.getMessage()))).build();
        }
    }

    private String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dashboard data not serialisable", e);
        }
    }
}
