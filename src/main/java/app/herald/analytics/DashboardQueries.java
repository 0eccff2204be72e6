package app.herald.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** What each in-memory dashboard reads of a period's posts: nothing more (see {@link PeriodPosts.Column}). */
    private static final Set<PeriodPosts.Column> COMPARE_COLUMNS = Collections.unmodifiableSet(
            EnumSet.of(PeriodPosts.Column.CONTENT, PeriodPosts.Column.PLATFORM, PeriodPosts.Column.VIEWS));
    private static final Set<PeriodPosts.Column> STRATEGY_COLUMNS = Collections.unmodifiableSet(EnumSet.of(
            PeriodPosts.Column.CONTENT, PeriodPosts.Column.VIEWS, PeriodPosts.Column.INTERACTIONS, PeriodPosts.Column.PERCENT_VIEWED));
    private static final Set<PeriodPosts.Column> HEATMAP_COLUMNS = Collections.unmodifiableSet(EnumSet.of(
            PeriodPosts.Column.CHANNEL, PeriodPosts.Column.PUBLISHED, PeriodPosts.Column.VIEWS, PeriodPosts.Column.INTERACTIONS));
    private static final String INTERACTIONS = "CASE WHEN COALESCE(%1$slikes, %1$scomments, %1$sshares, %1$ssaves) IS NULL"
            + " THEN NULL ELSE (COALESCE(%1$slikes, 0) + COALESCE(%1$scomments, 0) + COALESCE(%1$sshares, 0)"
            // A DOUBLE operand: integer division would round the ratios to four decimals (div_precision_increment).
            + " + COALESCE(%1$ssaves, 0)) * 1E0 END";

    /** Published publications of the scope: brand, period of {@code published_at}, and owner when own content only. */
    private static final String BRAND_TOTALS = "SELECT day >= :from AS is_current, SUM(posts_published), SUM(views),"
            + " SUM(likes), SUM(comments), SUM(shares), SUM(saves), SUM(percent_viewed_views),"
            + " SUM(views_with_percent), SUM(followers_gained) FROM brand_metric_day"
            + " WHERE brand_id = :brand AND day BETWEEN :previousFrom AND :to GROUP BY is_current";

    private static final String PUBLISHED = " FROM publication_metrics pm JOIN content_item ci ON ci.id = pm.content_id"
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
    PeriodPosts posts;

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
        // Per content item: views summed, whether any post had views, and a bit per platform it was published on.
        Map<Long, long[]> totals = new HashMap<>();
        for (PeriodPosts.Post post : posts.read(scope, COMPARE_COLUMNS)) {
            long[] total = totals.computeIfAbsent(post.contentId(), id -> new long[3]);
            if (post.views() != null) {
                total[0] += post.views();
                total[1] = 1;
            }
            total[2] |= 1L << post.platform().ordinal();
        }
        // Most viewed first (an item without any views last), then by id, as the page has always listed them; only
        // the first few are kept, so a bounded heap instead of sorting every item of the period.
        Comparator<Map.Entry<Long, long[]>> order = Comparator.<Map.Entry<Long, long[]>>comparingLong(item -> -item.getValue()[1])
                .thenComparingLong(item -> -item.getValue()[0]).thenComparingLong(Map.Entry::getKey);
        PriorityQueue<Map.Entry<Long, long[]>> kept = new PriorityQueue<>(order.reversed());
        for (Map.Entry<Long, long[]> item : totals.entrySet()) {
            if (Long.bitCount(item.getValue()[2]) > 1) {
                kept.add(item);
                if (kept.size() > COMPARED_ITEMS) {
                    kept.poll();
                }
            }
        }
        List<Long> chosen = kept.stream().sorted(order).map(Map.Entry::getKey).toList();
        Map<Long, String> titles = new HashMap<>();
        Map<Long, Map<Platform, PeriodPosts.Lifetime>> lifetimes = posts.lifetimes(chosen, titles);
        List<Comparison> comparisons = new ArrayList<>();
        for (long content : chosen) {
            List<PlatformResult> results = new ArrayList<>();
            new TreeMap<>(lifetimes.getOrDefault(content, Map.of())).forEach((platform, lifetime) -> {
                Double engagement = lifetime.interactions() == null || lifetime.engagedViews() == null
                        || lifetime.engagedViews() == 0 ? null : lifetime.interactions() / lifetime.engagedViews() * 100;
                results.add(new PlatformResult(platform, lifetime.views(), engagement, countOr(lifetime.views(), platform),
                        percentOr(engagement, platform)));
            });
            comparisons.add(compare(content, titles.get(content), results));
        }
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
        Map<Long, SequencingStrategy> strategyOf = posts.strategies(scope);
        Map<SequencingStrategy, StrategySums> sums = new EnumMap<>(SequencingStrategy.class);
        for (PeriodPosts.Post post : posts.read(scope, STRATEGY_COLUMNS)) {
            SequencingStrategy strategy = strategyOf.get(post.contentId());
            if (strategy != null) {
                sums.computeIfAbsent(strategy, s -> new StrategySums()).add(post);
            }
        }
        int minimum = config.analytics().minPosts();
        List<StrategyRow> rows = new ArrayList<>();
        for (SequencingStrategy strategy : SequencingStrategy.values()) {
            StrategySums sum = sums.get(strategy);
            if (sum == null) {
                rows.add(new StrategyRow(strategy, 0, 0, null, null, null, true, "no posts", "no posts", "no posts"));
                continue;
            }
            long items = sum.items.size();
            Double views = sum.measured == 0 ? null : sum.views / sum.measured;
            Double engagement = !sum.anyInteractions || sum.engagedViews == 0 ? null : sum.interactions / sum.engagedViews * 100;
            Double viewed = sum.viewsWithPercent == 0 ? null : 100 * sum.percentViewedViews / sum.viewsWithPercent;
            rows.add(new StrategyRow(strategy, items, sum.publications, views, engagement, viewed, items < minimum,
                    views == null ? "not available" : DashboardFormat.count(views),
                    engagement == null ? "not available" : DashboardFormat.percent(engagement),
                    viewed == null ? "not available on these platforms" : DashboardFormat.percent(viewed)));
        }
        return rows;
    }

    /**
     * One strategy's posts of the period: content items, publications, views per measured post, interactions per
     * view of the posts that give interactions, and views-weighted % viewed of the posts that give it.
     */
    private static final class StrategySums {
        final Set<Long> items = new HashSet<>();
        long publications;
        long measured;
        double views;
        boolean anyInteractions;
        double interactions;
        double engagedViews;
        double percentViewedViews;
        double viewsWithPercent;

        void add(PeriodPosts.Post post) {
            items.add(post.contentId());
            publications++;
            Double interactions = post.interactions();
            if (post.views() != null) {
                measured++;
                views += post.views();
            }
            if (interactions != null) {
                anyInteractions = true;
                this.interactions += interactions;
                engagedViews += post.views() == null ? 0 : post.views();
            }
            if (post.views() != null && post.averagePercentViewed() != null) {
                percentViewedViews += post.views() * post.averagePercentViewed() / 100;
                viewsWithPercent += post.views();
            }
        }
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
        PeriodOffsets offsets = new PeriodOffsets(scope.period());
        Map<Long, HeatmapBuilder> channels = new HashMap<>();
        HeatmapBuilder last = null;
        for (PeriodPosts.Post post : posts.read(scope, HEATMAP_COLUMNS)) {
            // Local weekday and hour from epoch seconds and the zone's offset then: the same as a ZonedDateTime's,
            // without building one per post. Day 0 (1970-01-01) was a Thursday (Monday = 0).
            long local = offsets.local(post.publishedAt().getEpochSecond());
            int weekday = (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L);
            int hour = (int) (Math.floorMod(local, 86_400L) / 3_600);
            if (last == null || last.id != post.channelId()) {
                last = channels.computeIfAbsent(post.channelId(), HeatmapBuilder::new);
            }
            last.add(weekday, hour, post.engagement());
        }
        if (channels.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> names = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT id, display_name, platform FROM channel WHERE id IN (:ids)")
                .setParameter("ids", List.copyOf(channels.keySet())).getResultList()) {
            Object[] cells = (Object[]) row;
            names.put(longValue(cells[0]), cells);
        }
        int minimum = config.analytics().minPosts();
        // Platform, then name, then id: the order the page has always shown the channels in.
        return channels.values().stream()
                .map(channel -> channel.build((String) names.get(channel.id)[1],
                        Platform.valueOf((String) names.get(channel.id)[2]), minimum))
                .sorted(Comparator.comparing((HeatmapChannel channel) -> channel.platform().name())
                        .thenComparing(HeatmapChannel::name).thenComparing(HeatmapChannel::channelId))
                .toList();
    }

    /** Collects one channel's cells (posts and sorted engagement rates), then grades each against its median. */
    private static final class HeatmapBuilder {
        private final long id;
        private final long[][] posts = new long[7][24];
        private final double[][][] rates = new double[7][24][];
        private final int[][] measured = new int[7][24];
        private int total;

        HeatmapBuilder(long id) {
            this.id = id;
        }

        void add(int weekday, int hour, Double engagement) {
            posts[weekday][hour]++;
            if (engagement == null) {
                return;
            }
            double[] cell = rates[weekday][hour];
            int count = measured[weekday][hour];
            if (cell == null || cell.length == count) {
                rates[weekday][hour] = cell = Arrays.copyOf(cell == null ? new double[0] : cell, Math.max(8, count * 2));
            }
            cell[count] = engagement;
            measured[weekday][hour] = count + 1;
            total++;
        }

        HeatmapChannel build(String name, Platform platform, int minimum) {
            double[] all = new double[total];
            int filled = 0;
            for (int weekday = 0; weekday < 7; weekday++) {
                for (int hour = 0; hour < 24; hour++) {
                    double[] cell = rates[weekday][hour] == null ? new double[0]
                            : Arrays.copyOf(rates[weekday][hour], measured[weekday][hour]);
                    Arrays.sort(cell);
                    rates[weekday][hour] = cell;
                    System.arraycopy(cell, 0, all, filled, cell.length);
                    filled += cell.length;
                }
            }
            Arrays.sort(all);
            Double median = median(all);
            long count = 0;
            List<List<HeatmapCell>> days = new ArrayList<>();
            for (int weekday = 0; weekday < 7; weekday++) {
                List<HeatmapCell> hours = new ArrayList<>();
                for (int hour = 0; hour < 24; hour++) {
                    count += posts[weekday][hour];
                    hours.add(cell(weekday, hour, median, minimum));
                }
                days.add(hours);
            }
            return new HeatmapChannel(id, name, platform, count, median,
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

    /**
     * The data statements behind one JSON endpoint of a scope (kpis, trend, top, compare, strategies, heatmap), with
     * positional parameters, for timing the bare SQL against the endpoint. The comparison's two look-ups of its ten
     * chosen items are left out (they only add to the endpoint's side).
     */
    List<PeriodPosts.Statement> rawStatements(String endpoint, DashboardScope scope) {
        return switch (endpoint) {
            case "kpis" -> List.of(positional(BRAND_TOTALS, scope, Map.of()));
            case "trend" -> List.of(positional(trendSql(scope), scope, Map.of()));
            case "top" -> List.of(positional(topSql(scope, TOP_SORTS.get("views")), scope, Map.of("limit", TOP_ROWS)));
            case "compare" -> List.of(PeriodPosts.statement(scope, COMPARE_COLUMNS));
            case "heatmap" -> List.of(PeriodPosts.statement(scope, HEATMAP_COLUMNS));
            case "strategies" -> List.of(PeriodPosts.statement(scope, STRATEGY_COLUMNS), PeriodPosts.strategiesStatement(scope));
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static PeriodPosts.Statement positional(String sql, DashboardScope scope, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>(values(scope));
        values.putAll(extra);
        List<Object> parameters = new ArrayList<>();
        Matcher names = Pattern.compile(":(\\w+)").matcher(sql);
        while (names.find()) {
            parameters.add(values.get(names.group(1)));
        }
        return new PeriodPosts.Statement(names.replaceAll("?"), parameters);
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
        Map<String, Object> values = values(scope);
        query.getParameters().forEach(parameter -> {
            if (values.containsKey(parameter.getName())) {
                query.setParameter(parameter.getName(), values.get(parameter.getName()));
            }
        });
        return query;
    }

    /** Every named parameter a dashboard statement may use, by name. */
    private static Map<String, Object> values(DashboardScope scope) {
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
        return values;
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
