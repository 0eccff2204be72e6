package app.herald.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import app.herald.analytics.DashboardData.Chart;
import app.herald.analytics.DashboardData.Comparison;
import app.herald.analytics.DashboardData.Dataset;
import app.herald.analytics.DashboardData.HeatmapCell;
import app.herald.analytics.DashboardData.HeatmapChannel;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.analytics.DashboardData.PlatformResult;
import app.herald.analytics.DashboardData.StrategyRow;
import app.herald.analytics.DashboardData.TopRow;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import app.herald.web.ZonedTime;

/**
 * The dashboards' reads: one or two native queries each over the day rollups and the per-publication rows
 * ({@code publication_metrics}, {@code publication_metric_day}), never the raw snapshots and never an entity per row.
 * A brand-wide scope reads the brand and platform rollups; an own-content scope (marketers) the per-publication rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardQueries {

    /** Top content rows the page shows; the CSV export takes up to {@link #EXPORT_ROWS}. */
    public static final int TOP_ROWS = 20;
    public static final int EXPORT_ROWS = 10_000;
    /** Content items the cross-platform comparison shows, by total views. */
    static final int COMPARED_ITEMS = 10;

    /** Sort keys of the top content table and the ORDER BY each means (NULLs, "not available", sort last). */
    public static final Map<String, String> TOP_SORTS = orderedMap(
            "views", "pm.views DESC",
            "engagement", "engagement_rate DESC",
            "viewed", "pm.average_percent_viewed DESC",
            "followers", "pm.followers_gained DESC",
            "published", "pm.published_at DESC");

    /** likes + comments + shares + saves of a row, NULL only when the platform gave none of them. */
    private static final String INTERACTIONS = "CASE WHEN COALESCE(%1$slikes, %1$scomments, %1$sshares, %1$ssaves) IS NULL"
            + " THEN NULL ELSE (COALESCE(%1$slikes, 0) + COALESCE(%1$scomments, 0) + COALESCE(%1$sshares, 0)"
            // A DOUBLE operand: integer division would round the ratios to four decimals (div_precision_increment).
            + " + COALESCE(%1$ssaves, 0)) * 1E0 END";

    /** Published publications of the scope: brand, period of {@code published_at}, and owner when own content only. */
    private static final String BRAND_TOTALS = "SELECT day >= :from AS is_current, SUM(posts_published), SUM(views),"
            + " SUM(likes), SUM(comments), SUM(shares), SUM(saves), SUM(percent_viewed_views),"
            + " SUM(views_with_percent), SUM(followers_gained) FROM brand_metric_day"
            + " WHERE brand_id = :brand AND day BETWEEN :previousFrom AND :to GROUP BY is_current";

    private static final String PUBLISHED = " FROM publication_metrics pm JOIN publication p ON p.id = pm.publication_id"
            + " JOIN content_item ci ON ci.id = p.content_id"
            + " WHERE pm.brand_id = :brand AND pm.published_at >= :start AND pm.published_at < :end";

    /** The scope's published rows of publication_metrics alone (brand-wide), joined to the content for an owner. */
    private static String metricsInPeriod(DashboardScope scope) {
        return scope.ownContentOnly() ? PUBLISHED + ownerCondition(scope)
                : " FROM publication_metrics pm WHERE pm.brand_id = :brand AND pm.published_at >= :start"
                        + " AND pm.published_at < :end";
    }

    @Inject
    EntityManager em;

    @Inject
    HeraldConfig config;

    // ---- KPI tiles ----------------------------------------------------------------------------------------------

    /** Views, engagement rate, average % viewed, followers gained and posts published, against the previous period. */
    public List<Kpi> kpis(DashboardScope scope) {
        Totals current;
        Totals previous;
        if (scope.ownContentOnly()) {
            Map<LocalDate, Totals> cumulative = ownCumulative(scope);
            AnalyticsPeriod period = scope.period();
            current = cumulative.get(period.to()).minus(cumulative.get(period.previousTo()));
            previous = cumulative.get(period.previousTo()).minus(cumulative.get(period.previousFrom().minusDays(1)));
            long[] posts = ownPostsPublished(scope);
            current = current.withPosts(posts[0]);
            previous = previous.withPosts(posts[1]);
        } else {
            Totals[] both = brandTotals(scope);
            current = both[0];
            previous = both[1];
        }
        Totals now = current;
        Totals before = previous;
        return List.of(
                kpi("views", "Views", now, before, Totals::views, false),
                kpi("engagement", "Engagement rate", now, before, Totals::engagementRate, true),
                kpi("viewed", "Average % viewed", now, before, Totals::percentViewed, true),
                kpi("followers", "Followers gained", now, before, Totals::followers, false),
                kpi("posts", "Posts published", now, before, totals -> (double) totals.posts, false));
    }

    private static Kpi kpi(String key, String label, Totals current, Totals previous, Function<Totals, Double> metric,
            boolean percent) {
        Function<Double, String> format = percent ? DashboardFormat::percent : DashboardFormat::count;
        Double now = metric.apply(current);
        Double before = metric.apply(previous);
        return new Kpi(key, label, now, before, now == null ? current.missing() : format.apply(now),
                before == null ? previous.missing() : format.apply(before), DashboardFormat.delta(now, before),
                DashboardFormat.relativeChange(now, before));
    }

    /** This period's and the previous period's gains from the brand rollup, in one query. */
    private Totals[] brandTotals(DashboardScope scope) {
        AnalyticsPeriod period = scope.period();
        List<?> rows = bind(em.createNativeQuery(BRAND_TOTALS), scope).getResultList();
        Totals[] both = { Totals.NONE, Totals.NONE };
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            both[number(cells[0]).intValue() == 1 ? 0 : 1] = new Totals(longValue(cells[1]), dbl(cells[2]),
                    dbl(cells[3]), dbl(cells[4]), dbl(cells[5]), dbl(cells[6]), dbl(cells[7]), dbl(cells[8]),
                    dbl(cells[9]));
        }
        return both;
    }

    /**
     * The owner's cumulative totals at the end of three days (this period's end, the previous period's end and the
     * day before it), each the sum over their publications of the latest day row on or before it.
     */
    private Map<LocalDate, Totals> ownCumulative(DashboardScope scope) {
        AnalyticsPeriod period = scope.period();
        List<LocalDate> cutoffs = List.of(period.to(), period.previousTo(), period.previousFrom().minusDays(1));
        Query query = em.createNativeQuery("SELECT k.cutoff, SUM(d.views), SUM(d.likes), SUM(d.comments), SUM(d.shares),"
                + " SUM(d.saves), SUM(d.percent_viewed_views), SUM(d.views_with_percent), SUM(d.followers_gained)"
                + " FROM (SELECT d.publication_id, c.cutoff, MAX(d.day) AS day FROM publication_metric_day d"
                + " JOIN publication p ON p.id = d.publication_id JOIN content_item ci ON ci.id = p.content_id"
                + " JOIN (SELECT CAST(:c0 AS DATE) AS cutoff UNION ALL SELECT CAST(:c1 AS DATE)"
                + " UNION ALL SELECT CAST(:c2 AS DATE)) c ON d.day <= c.cutoff"
                + " WHERE ci.brand_id = :brand AND ci.created_by = :owner GROUP BY d.publication_id, c.cutoff) k"
                + " JOIN publication_metric_day d ON d.publication_id = k.publication_id AND d.day = k.day"
                + " GROUP BY k.cutoff");
        for (int i = 0; i < cutoffs.size(); i++) {
            query.setParameter("c" + i, cutoffs.get(i));
        }
        Map<LocalDate, Totals> totals = new LinkedHashMap<>();
        cutoffs.forEach(day -> totals.put(day, Totals.NONE));
        for (Object row : bind(query, scope).getResultList()) {
            Object[] cells = (Object[]) row;
            totals.put(date(cells[0]), new Totals(0, dbl(cells[1]), dbl(cells[2]), dbl(cells[3]), dbl(cells[4]),
                    dbl(cells[5]), dbl(cells[6]), dbl(cells[7]), dbl(cells[8])));
        }
        return totals;
    }

    /** The owner's publications published in this period and in the previous one. */
    private long[] ownPostsPublished(DashboardScope scope) {
        Object[] cells = (Object[]) bind(em.createNativeQuery("SELECT SUM(pm.published_at >= :start),"
                + " SUM(pm.published_at < :start) FROM publication_metrics pm"
                + " JOIN publication p ON p.id = pm.publication_id JOIN content_item ci ON ci.id = p.content_id"
                + " WHERE pm.brand_id = :brand AND pm.published_at >= :previousStart AND pm.published_at < :end"
                + " AND ci.created_by = :owner"), scope).getSingleResult();
        return new long[] { longValue(cells[0]), longValue(cells[1]) };
    }

    /** Sums of gains (or of cumulative values) over a set of rows; a null metric is one no row gave. */
    record Totals(long posts, Double views, Double likes, Double comments, Double shares, Double saves,
            Double percentViewedViews, Double viewsWithPercent, Double followers) {

        static final Totals NONE = new Totals(0, null, null, null, null, null, null, null, null);

        /** Why a metric is missing: nothing was measured at all, or the platforms measured do not give it. */
        String missing() {
            return this == NONE ? "no data" : "not available";
        }

        Totals withPosts(long count) {
            if (this == NONE && count == 0) {
                return NONE;
            }
            return new Totals(count, views, likes, comments, shares, saves, percentViewedViews, viewsWithPercent,
                    followers);
        }

        Totals minus(Totals earlier) {
            if (this == NONE && earlier == NONE) {
                return NONE;
            }
            return new Totals(posts - earlier.posts, diff(views, earlier.views), diff(likes, earlier.likes),
                    diff(comments, earlier.comments), diff(shares, earlier.shares), diff(saves, earlier.saves),
                    diff(percentViewedViews, earlier.percentViewedViews),
                    diff(viewsWithPercent, earlier.viewsWithPercent), diff(followers, earlier.followers));
        }

        Double interactions() {
            if (likes == null && comments == null && shares == null && saves == null) {
                return null;
            }
            return zero(likes) + zero(comments) + zero(shares) + zero(saves);
        }

        /** (likes + comments + shares + saves) / views, in percent. */
        Double engagementRate() {
            Double interactions = interactions();
            return interactions == null || views == null || views == 0 ? null : interactions / views * 100;
        }

        /** 100 × Σ percent_viewed_views / Σ views_with_percent. */
        Double percentViewed() {
            return percentViewedViews == null || viewsWithPercent == null || viewsWithPercent == 0 ? null
                    : 100 * percentViewedViews / viewsWithPercent;
        }

        private static Double diff(Double later, Double earlier) {
            return later == null ? null : later - zero(earlier);
        }

        private static double zero(Double value) {
            return value == null ? 0 : value;
        }
    }

    // ---- Per-platform trend -------------------------------------------------------------------------------------

    /** Views gained per day and platform over the period (a line per platform that has rows). */
    public Chart trend(DashboardScope scope) {
        String sql = trendSql(scope);
        Map<Platform, Map<LocalDate, Double>> byPlatform = new EnumMap<>(Platform.class);
        Map<Platform, Map<LocalDate, Boolean>> present = new EnumMap<>(Platform.class);
        for (Object row : bind(em.createNativeQuery(sql), scope).getResultList()) {
            Object[] cells = (Object[]) row;
            Platform platform = Platform.valueOf((String) cells[1]);
            byPlatform.computeIfAbsent(platform, p -> new LinkedHashMap<>()).put(date(cells[0]), dbl(cells[2]));
            present.computeIfAbsent(platform, p -> new LinkedHashMap<>()).put(date(cells[0]), true);
        }
        List<String> labels = new ArrayList<>();
        for (LocalDate day = scope.period().from(); !day.isAfter(scope.period().to()); day = day.plusDays(1)) {
            labels.add(day.toString());
        }
        List<Dataset> datasets = new ArrayList<>();
        byPlatform.forEach((platform, values) -> {
            List<Double> data = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (String label : labels) {
                LocalDate day = LocalDate.parse(label);
                Double value = values.get(day);
                data.add(value);
                text.add(value != null ? DashboardFormat.count(value)
                        : present.get(platform).containsKey(day) ? DashboardFormat.notAvailable(platform) : "no data");
            }
            datasets.add(new Dataset(platform.label(), data, text));
        });
        return new Chart("line", "Views gained per day", byPlatform.isEmpty() ? List.of() : labels, datasets);
    }

    // ---- Top content --------------------------------------------------------------------------------------------

    /** Publications published in the period, best first by {@code sort} (a key of {@link #TOP_SORTS}). */
    public List<TopRow> top(DashboardScope scope, String sort, int limit) {
        String order = TOP_SORTS.get(sort);
        if (order == null) {
            throw new AnalyticsException("Unknown sort '" + sort + "': choose one of " + String.join(", ", TOP_SORTS.keySet()) + ".");
        }
        Query query = bind(em.createNativeQuery(topSql(scope, order)), scope);
        query.setParameter("limit", limit);
        List<TopRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            Platform platform = Platform.valueOf((String) cells[4]);
            Double views = dbl(cells[7]);
            Double engagement = dbl(cells[8]);
            Double viewed = dbl(cells[9]);
            Double followers = dbl(cells[10]);
            rows.add(new TopRow(longValue(cells[0]), longValue(cells[1]), (String) cells[2], (String) cells[3], platform,
                    (String) cells[5], ZonedTime.format(((LocalDateTime) localDateTime(cells[6])).toInstant(ZoneOffset.UTC),
                            scope.period().zone()),
                    views, engagement, viewed, followers, countOr(views, platform), percentOr(engagement, platform),
                    percentOr(viewed, platform), countOr(followers, platform)));
        }
        return rows;
    }

    /** The top rows as a bar chart of views. */
    public static Chart topChart(List<TopRow> rows) {
        List<String> labels = rows.stream().map(row -> row.title() + " (" + row.platform().label() + ")").toList();
        return new Chart("bar", "Top content by views", labels, List.of(new Dataset("Views",
                rows.stream().map(TopRow::views).toList(), rows.stream().map(TopRow::viewsText).toList())));
    }

    // ---- Cross-platform comparison ------------------------------------------------------------------------------

    /**
     * The content items of the period published on more than one platform (the most viewed first): each platform's
     * lifetime views and engagement, which platform won on views and by how much.
     */
    public List<Comparison> comparisons(DashboardScope scope) {
        Query query = bind(em.createNativeQuery(comparisonSql(scope)), scope);
        Map<Long, List<PlatformResult>> results = new LinkedHashMap<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            long content = longValue(cells[0]);
            Platform platform = Platform.valueOf((String) cells[2]);
            Double views = dbl(cells[3]);
            Double engagement = dbl(cells[4]);
            titles.put(content, (String) cells[1]);
            results.computeIfAbsent(content, id -> new ArrayList<>()).add(new PlatformResult(platform, views, engagement,
                    countOr(views, platform), percentOr(engagement, platform)));
        }
        List<Comparison> comparisons = new ArrayList<>();
        results.forEach((content, platforms) -> {
            platforms.sort(Comparator.comparing(PlatformResult::platform));
            comparisons.add(compare(content, titles.get(content), platforms));
        });
        return comparisons;
    }

    private static Comparison compare(long content, String title, List<PlatformResult> platforms) {
        List<PlatformResult> measured = platforms.stream().filter(result -> result.views() != null)
                .sorted(Comparator.comparing(PlatformResult::views).reversed()).toList();
        if (measured.size() < 2) {
            String missing = platforms.stream().filter(result -> result.views() == null)
                    .map(result -> DashboardFormat.notAvailable(result.platform())).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            return new Comparison(content, title, platforms, null, null, null, null, "No comparison: views " + missing);
        }
        PlatformResult winner = measured.get(0);
        PlatformResult runnerUp = measured.get(1);
        double margin = winner.views() - runnerUp.views();
        Double percent = runnerUp.views() == 0 ? null : margin / runnerUp.views() * 100;
        String verdict = margin == 0 ? "Tie: " + winner.platform().label() + " and " + runnerUp.platform().label()
                + " both have " + winner.viewsText() + " views"
                : winner.platform().label() + " won by " + DashboardFormat.count(margin) + " views"
                        + (percent == null ? "" : " (" + DashboardFormat.delta(winner.views(), runnerUp.views()) + ")")
                        + " over " + runnerUp.platform().label();
        return new Comparison(content, title, platforms, margin == 0 ? null : winner.platform(), runnerUp.platform(),
                margin, percent, verdict);
    }

    /** The comparisons as grouped bars: one group per content item, one bar per platform. */
    public static Chart comparisonChart(List<Comparison> comparisons) {
        List<String> labels = comparisons.stream().map(Comparison::title).toList();
        List<Dataset> datasets = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            List<Double> data = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (Comparison comparison : comparisons) {
                PlatformResult result = comparison.results().stream().filter(r -> r.platform() == platform).findFirst()
                        .orElse(null);
                data.add(result == null ? null : result.views());
                text.add(result == null ? "not published there" : result.viewsText());
            }
            if (data.stream().anyMatch(value -> value != null) || text.stream().anyMatch(t -> t.startsWith("not available"))) {
                datasets.add(new Dataset(platform.label(), data, text));
            }
        }
        return new Chart("bar", "Views per platform, same content", labels, datasets);
    }

    // ---- Strategy comparison ------------------------------------------------------------------------------------

    /** Each sequencing strategy's publications of the period: sample sizes, views per post, engagement, % viewed. */
    public List<StrategyRow> strategies(DashboardScope scope) {
        Query query = bind(em.createNativeQuery(strategySql(scope)), scope);
        Map<SequencingStrategy, Object[]> found = new EnumMap<>(SequencingStrategy.class);
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            found.put(SequencingStrategy.valueOf((String) cells[0]), cells);
        }
        int minimum = config.analytics().minPosts();
        List<StrategyRow> rows = new ArrayList<>();
        for (SequencingStrategy strategy : SequencingStrategy.values()) {
            Object[] cells = found.get(strategy);
            if (cells == null) {
                rows.add(new StrategyRow(strategy, 0, 0, null, null, null, true, "no posts", "no posts", "no posts"));
                continue;
            }
            long items = longValue(cells[1]);
            Double views = dbl(cells[3]);
            Double engagement = dbl(cells[4]);
            Double viewed = dbl(cells[5]);
            rows.add(new StrategyRow(strategy, items, longValue(cells[2]), views, engagement, viewed, items < minimum,
                    views == null ? "not available" : DashboardFormat.count(views),
                    engagement == null ? "not available" : DashboardFormat.percent(engagement),
                    viewed == null ? "not available on these platforms" : DashboardFormat.percent(viewed)));
        }
        return rows;
    }

    /** Views per post by strategy, as bars. */
    public static Chart strategyChart(List<StrategyRow> rows) {
        return new Chart("bar", "Views per post by sequencing strategy",
                rows.stream().map(row -> row.strategy().label()).toList(),
                List.of(new Dataset("Views per post", rows.stream().map(StrategyRow::viewsPerPost).toList(),
                        rows.stream().map(StrategyRow::viewsText).toList())));
    }

    // ---- Best-time heatmap --------------------------------------------------------------------------------------

    /**
     * Per channel with posts in the period: weekday × hour of {@code published_at} in the brand's zone, each cell's
     * median engagement rate relative to the channel's own median, and its number of posts.
     */
    public List<HeatmapChannel> heatmap(DashboardScope scope) {
        Query query = bind(em.createNativeQuery(heatmapSql(scope)), scope);
        Map<Long, HeatmapBuilder> channels = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            HeatmapBuilder channel = channels.computeIfAbsent(longValue(cells[0]), id -> new HeatmapBuilder(id,
                    (String) cells[1], Platform.valueOf((String) cells[2])));
            channel.add(number(cells[3]).intValue(), number(cells[4]).intValue(), longValue(cells[5]),
                    (String) cells[6]);
        }
        int minimum = config.analytics().minPosts();
        return channels.values().stream().map(channel -> channel.build(minimum)).toList();
    }

    /** Collects one channel's cells (posts and sorted engagement rates), then grades each against its median. */
    private static final class HeatmapBuilder {
        private final long id;
        private final String name;
        private final Platform platform;
        private final long[][] posts = new long[7][24];
        private final double[][][] rates = new double[7][24][];
        private final List<Double> all = new ArrayList<>();

        HeatmapBuilder(long id, String name, Platform platform) {
            this.id = id;
            this.name = name;
            this.platform = platform;
        }

        void add(int weekday, int hour, long count, String sortedRates) {
            posts[weekday][hour] = count;
            double[] values = sortedRates == null || sortedRates.isEmpty() ? new double[0]
                    : java.util.Arrays.stream(sortedRates.split(",")).mapToDouble(Double::parseDouble).toArray();
            rates[weekday][hour] = values;
            for (double value : values) {
                all.add(value);
            }
        }

        HeatmapChannel build(int minimum) {
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Double median = median(sorted);
            long total = 0;
            List<List<HeatmapCell>> days = new ArrayList<>();
            for (int weekday = 0; weekday < 7; weekday++) {
                List<HeatmapCell> hours = new ArrayList<>();
                for (int hour = 0; hour < 24; hour++) {
                    total += posts[weekday][hour];
                    hours.add(cell(weekday, hour, median, minimum));
                }
                days.add(hours);
            }
            return new HeatmapChannel(id, name, platform, total, median,
                    median == null ? DashboardFormat.notAvailable(platform) : DashboardFormat.percent(median * 100),
                    days);
        }

        private HeatmapCell cell(int weekday, int hour, Double channelMedian, int minimum) {
            long count = posts[weekday][hour];
            if (count == 0) {
                return new HeatmapCell(weekday, hour, 0, 0, null, "NO_POSTS", "no posts");
            }
            double[] values = rates[weekday][hour];
            String plural = count == 1 ? " post" : " posts";
            if (values.length < minimum) {
                return new HeatmapCell(weekday, hour, count, values.length, null, "NOT_ENOUGH_DATA",
                        "not enough data (" + count + plural + ")");
            }
            if (channelMedian == null || channelMedian == 0) {
                return new HeatmapCell(weekday, hour, count, values.length, null, "NOT_ENOUGH_DATA",
                        "no engagement to compare (" + count + plural + ")");
            }
            double ratio = median(values) / channelMedian;
            return new HeatmapCell(weekday, hour, count, values.length, ratio, "DATA",
                    String.format(java.util.Locale.ROOT, "%.2f×", ratio) + " (" + count + plural + ")");
        }

        /** The middle value of sorted values (the mean of the two middle ones for an even count), as MEDIAN() does. */
        private static Double median(double[] sorted) {
            if (sorted.length == 0) {
                return null;
            }
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /**
     * {@code column} (a UTC DATETIME) as wall-clock time in the period's zone, offset by offset between the zone's
     * transitions inside the period, so no time zone tables are needed in the database.
     */
    static String localTime(String column, AnalyticsPeriod period) {
        ZoneRules rules = period.zone().getRules();
        java.time.Instant start = period.from().atStartOfDay(period.zone()).toInstant();
        java.time.Instant end = period.to().plusDays(1).atStartOfDay(period.zone()).toInstant();
        StringBuilder cases = new StringBuilder();
        java.time.Instant cursor = start;
        ZoneOffsetTransition next = rules.nextTransition(cursor);
        while (next != null && next.getInstant().isBefore(end)) {
            cases.append(" WHEN ").append(column).append(" < '")
                    .append(LocalDateTime.ofInstant(next.getInstant(), ZoneOffset.UTC)).append("' THEN ")
                    .append(rules.getOffset(cursor).getTotalSeconds());
            cursor = next.getInstant();
            next = rules.nextTransition(cursor);
        }
        int last = rules.getOffset(cursor).getTotalSeconds();
        String seconds = cases.isEmpty() ? String.valueOf(last) : "(CASE" + cases + " ELSE " + last + " END)";
        return "DATE_ADD(" + column + ", INTERVAL " + seconds + " SECOND)";
    }

    // ---- the statements, also run bare by the benchmark -------------------------------------------------------

    static String trendSql(DashboardScope scope) {
        return scope.ownContentOnly()
                // Gains of the owner's publications: each day row's cumulative views less the row before it.
                ? "SELECT day, platform, SUM(views - COALESCE(previous_views, 0)) FROM (SELECT d.day, ch.platform,"
                        + " d.views, LAG(d.views) OVER (PARTITION BY d.publication_id ORDER BY d.day) AS previous_views"
                        + " FROM publication_metric_day d JOIN publication p ON p.id = d.publication_id"
                        + " JOIN content_item ci ON ci.id = p.content_id JOIN channel ch ON ch.id = p.channel_id"
                        + " WHERE ci.brand_id = :brand AND ci.created_by = :owner AND d.day <= :to) gains"
                        + " WHERE day >= :from GROUP BY day, platform"
                : "SELECT day, platform, views FROM platform_metric_day"
                        + " WHERE brand_id = :brand AND day BETWEEN :from AND :to";
    }

    static String topSql(DashboardScope scope, String order) {
        // The best rows are chosen from publication_metrics first; only those few are joined for titles and names.
        return "SELECT pm.publication_id, p.content_id, ci.title, ci.created_by, pm.platform, ch.display_name,"
                + " pm.published_at, pm.views, pm.engagement_rate, pm.average_percent_viewed, pm.followers_gained"
                + " FROM (SELECT pm.publication_id, pm.channel_id, pm.platform, pm.published_at, pm.views,"
                + " pm.average_percent_viewed, pm.followers_gained, " + interactions("pm.")
                + " / NULLIF(pm.views, 0) * 100 AS engagement_rate" + metricsInPeriod(scope)
                + " ORDER BY " + order + ", pm.publication_id LIMIT :limit) pm"
                + " JOIN publication p ON p.id = pm.publication_id JOIN content_item ci ON ci.id = p.content_id"
                + " JOIN channel ch ON ch.id = pm.channel_id ORDER BY " + order + ", pm.publication_id";
    }

    static String comparisonSql(DashboardScope scope) {
        return "SELECT t.content_id, ci.title, pm.platform, SUM(pm.views),"
                + " SUM(" + interactions("pm.") + ") / NULLIF(SUM(CASE WHEN " + interactions("pm.")
                + " IS NOT NULL THEN pm.views END), 0) * 100"
                + " FROM (SELECT p.content_id, SUM(pm.views) AS total" + PUBLISHED + ownerCondition(scope)
                + " GROUP BY p.content_id HAVING COUNT(DISTINCT pm.platform) > 1"
                + " ORDER BY total DESC, p.content_id LIMIT " + COMPARED_ITEMS + ") t"
                + " JOIN publication p ON p.content_id = t.content_id"
                + " JOIN publication_metrics pm ON pm.publication_id = p.id"
                + " JOIN content_item ci ON ci.id = t.content_id"
                + " GROUP BY t.content_id, ci.title, pm.platform, t.total ORDER BY t.total DESC, t.content_id";
    }

    static String strategySql(DashboardScope scope) {
        // Summed per content item first, so each item's strategy is looked up once, not once per publication.
        return "SELECT ci.sequencing, COUNT(*), SUM(c.publications), SUM(c.views) / NULLIF(SUM(c.measured), 0),"
                + " SUM(c.interactions) / NULLIF(SUM(c.engaged_views), 0) * 100,"
                + " 100 * SUM(c.percent_viewed_views) / NULLIF(SUM(c.views_with_percent), 0)"
                + " FROM (SELECT p.content_id, COUNT(*) AS publications, SUM(pm.views) * 1E0 AS views,"
                + " COUNT(pm.views) AS measured, SUM(" + interactions("pm.") + ") AS interactions,"
                + " SUM(CASE WHEN " + interactions("pm.") + " IS NOT NULL THEN pm.views END) AS engaged_views,"
                + " SUM(pm.views * pm.average_percent_viewed / 100) AS percent_viewed_views,"
                + " SUM(CASE WHEN pm.average_percent_viewed IS NOT NULL THEN pm.views END) AS views_with_percent"
                + PUBLISHED + ownerCondition(scope) + " GROUP BY p.content_id) c"
                + " JOIN content_item ci ON ci.id = c.content_id GROUP BY ci.sequencing";
    }

    static String heatmapSql(DashboardScope scope) {
        // Each cell's engagement rates come sorted in one string; medians are taken in Java (window MEDIAN()s over
        // every row took seconds at 100 000 publications).
        String local = localTime("pm.published_at", scope.period());
        return "SELECT g.channel_id, ch.display_name, ch.platform, g.weekday, g.hour, g.posts, g.engagements"
                + " FROM (SELECT channel_id, weekday, hour, COUNT(*) AS posts,"
                + " GROUP_CONCAT(engagement ORDER BY engagement SEPARATOR ',') AS engagements"
                + " FROM (SELECT pm.channel_id, WEEKDAY(" + local + ") AS weekday, HOUR(" + local + ") AS hour, "
                + interactions("pm.") + " / NULLIF(pm.views, 0) AS engagement" + metricsInPeriod(scope) + ") posts"
                + " GROUP BY channel_id, weekday, hour) g JOIN channel ch ON ch.id = g.channel_id"
                + " ORDER BY ch.platform, ch.display_name, g.channel_id";
    }

    /**
     * The bound statement behind one JSON endpoint of a brand-wide scope (kpis, trend, top, compare, strategies,
     * heatmap), for timing the bare SQL against the endpoint.
     */
    Query statement(String endpoint, DashboardScope scope) {
        Query query = em.createNativeQuery(switch (endpoint) {
            case "kpis" -> BRAND_TOTALS;
            case "trend" -> trendSql(scope);
            case "top" -> topSql(scope, TOP_SORTS.get("views"));
            case "compare" -> comparisonSql(scope);
            case "strategies" -> strategySql(scope);
            case "heatmap" -> heatmapSql(scope);
            default -> throw new IllegalArgumentException(endpoint);
        });
        bind(query, scope);
        if (endpoint.equals("top")) {
            query.setParameter("limit", TOP_ROWS);
        }
        return query;
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private static String interactions(String alias) {
        return String.format(INTERACTIONS, alias);
    }

    private static String ownerCondition(DashboardScope scope) {
        return scope.ownContentOnly() ? " AND ci.created_by = :owner" : "";
    }

    /** Sets each of the scope's parameters the statement names. */
    private static Query bind(Query query, DashboardScope scope) {
        AnalyticsPeriod period = scope.period();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("brand", scope.brandId());
        values.put("owner", scope.owner());
        values.put("from", period.from());
        values.put("to", period.to());
        values.put("previousFrom", period.previousFrom());
        values.put("start", period.startUtc());
        values.put("end", period.endUtc());
        values.put("previousStart", LocalDateTime.ofInstant(
                period.previousFrom().atStartOfDay(period.zone()).toInstant(), ZoneOffset.UTC));
        query.getParameters().forEach(parameter -> {
            if (values.containsKey(parameter.getName())) {
                query.setParameter(parameter.getName(), values.get(parameter.getName()));
            }
        });
        return query;
    }

    private static String countOr(Double value, Platform platform) {
        return value == null ? DashboardFormat.notAvailable(platform) : DashboardFormat.count(value);
    }

    private static String percentOr(Double value, Platform platform) {
        return value == null ? DashboardFormat.notAvailable(platform) : DashboardFormat.percent(value);
    }

    private static Number number(Object cell) {
        return cell instanceof Boolean flag ? (flag ? 1 : 0) : (Number) cell;
    }

    private static Double dbl(Object cell) {
        return cell == null ? null : number(cell).doubleValue();
    }

    private static long longValue(Object cell) {
        return cell == null ? 0 : number(cell).longValue();
    }

    private static LocalDate date(Object cell) {
        return cell instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) cell;
    }

    private static Object localDateTime(Object cell) {
        return cell instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : cell;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
