package app.herald.analytics;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import app.herald.content.SequencingStrategy;
import app.herald.insight.PostFeatures;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;

/**
 * Plain-language insights for the dashboard, each with its evidence. Comparisons of engagement rate per post, each
 * group against all other posts of the niche (or period): the best platform for each niche, the best sequencing
 * strategy, the best weekday × hour (else hour of day) in the brand's zone, and the caption-length and hashtag-count
 * sweet spots. One is shown only when both sides have {@code herald.analytics.insight-min-posts} posts and the 95% Welch
 * t interval of the difference (Apache Commons Math) lies wholly above zero; otherwise nothing is claimed. Besides
 * these, content in the top quartile of a platform with at least that many posts that is not yet on another platform
 * the brand has an active channel for.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Recommendations {

    static final double CONFIDENCE = 0.95;
    /** Caption length buckets' upper bounds (exclusive), in characters; the last bucket is open. */
    private static final int[] CAPTION_BOUNDS = { 80, 150, 300 };
    /** Hashtag count buckets' upper bounds (exclusive): none, 1–2, 3–5, 6 or more. */
    private static final int[] HASHTAG_BOUNDS = { 1, 3, 6 };
    /** Top-quartile content shown at most, best first: a few suggestions, not a list to work through. */
    private static final int MOST_CROSS_POSTS = 3;
    /** Top-quartile content items looked up per query for their other platforms. */
    private static final int CANDIDATE_PAGE = 200;
    /** Publications that ended without going out: the content is still "not on" that platform. */
    private static final Set<String> NOT_OUT = Set.of("FAILED", "MISSED", "CANCELLED");

    @Inject
    EntityManager em;

    @Inject
    HeraldConfig config;

    /** One insight: what it says, and the numbers it rests on, in words. */
    public record Insight(String kind, String text, String evidence) {
    }

    /** One measured post of the scope, its hour in the brand's zone and its caption as sent on its platform. */
    private record Post(long contentId, String title, String niche, Platform platform, SequencingStrategy strategy,
            DayOfWeek day, int hour, int captionLength, int hashtagCount, double engagement) {
    }

    public List<Insight> insights(DashboardScope scope) {
        List<Post> posts = posts(scope);
        List<Insight> insights = new ArrayList<>();
        Map<String, List<Post>> byNiche = new LinkedHashMap<>();
        posts.stream().filter(post -> post.niche() != null)
                .forEach(post -> byNiche.computeIfAbsent(post.niche(), key -> new ArrayList<>()).add(post));
        byNiche.forEach((niche, inNiche) -> best(inNiche, post -> post.platform().label()).ifPresent(found -> insights.add(found.insight(
                "platform-for-niche", found.group() + " is your best platform for " + niche))));
        best(posts, post -> post.strategy().label()).ifPresent(found -> insights.add(found.insight("strategy",
                found.group() + " is your best sequencing strategy")));
        String zone = scope.period().zone().getId();
        best(posts, post -> post.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + hours(post.hour()))
                .or(() -> best(posts, post -> hours(post.hour())))
                .ifPresent(found -> insights.add(found.insight("slot", found.group() + " (" + zone
                        + ") is your best time to post")));
        best(posts, post -> bucket(post.captionLength(), CAPTION_BOUNDS, "Captions under 80 characters",
                "Captions of 80 to 149 characters", "Captions of 150 to 299 characters", "Captions of 300 characters or more"))
                .ifPresent(found -> insights.add(found.insight("caption-length", found.group() + " do best")));
        best(posts, post -> bucket(post.hashtagCount(), HASHTAG_BOUNDS, "Posts without hashtags", "Posts with 1 or 2 hashtags",
                "Posts with 3 to 5 hashtags", "Posts with 6 or more hashtags"))
                .ifPresent(found -> insights.add(found.insight("hashtag-count", found.group() + " do best")));
        insights.addAll(notYetElsewhere(scope, posts));
        return insights;
    }

    private static String hours(int hour) {
        return String.format(Locale.ROOT, "%02d:00–%02d:00", hour, (hour + 1) % 24);
    }

    /** The label of the first bucket whose exclusive upper bound {@code value} stays under, else the last (open) one. */
    private static String bucket(int value, int[] bounds, String... labels) {
        for (int i = 0; i < bounds.length; i++) {
            if (value < bounds[i]) {
                return labels[i];
            }
        }
        return labels[bounds.length];
    }
    /** The group with the highest mean engagement, if it beats all other posts by more than chance at 95%. */
    private Optional<Found> best(List<Post> posts, Function<Post, String> groupOf) {
        Map<String, SummaryStatistics> groups = new LinkedHashMap<>();
        for (Post post : posts) {
            groups.computeIfAbsent(groupOf.apply(post), key -> new SummaryStatistics()).addValue(post.engagement());
        }
        int min = config.analytics().insightMinPosts();
        return groups.entrySet().stream().max(Comparator.comparingDouble(entry -> entry.getValue().getMean()))
                .flatMap(leader -> {
                    SummaryStatistics rest = new SummaryStatistics();
                    posts.stream().filter(post -> !groupOf.apply(post).equals(leader.getKey()))
                            .forEach(post -> rest.addValue(post.engagement()));
                    SummaryStatistics top = leader.getValue();
                    if (top.getN() < min || rest.getN() < min) {
                        return Optional.empty();
                    }
                    double[] interval = welch(top, rest);
                    return interval[0] > 0 ? Optional.of(new Found(leader.getKey(), top, rest, interval))
                            : Optional.empty();
                });
    }

    /** A group that won, with its samples and the interval of its lead. */
    private record Found(String group, SummaryStatistics top, SummaryStatistics rest, double[] interval) {

        Insight insight(String kind, String claim) {
            double rate = top.getMean() * 100;
            double otherRate = rest.getMean() * 100;
            return new Insight(kind, String.format(Locale.ROOT, "%s: %.1f%% engagement per post against %.1f%% elsewhere.",
                    claim, rate, otherRate), String.format(Locale.ROOT, "%d posts against %d; %.1f%% against %.1f%%:"
                            + " %+.1f points, %d%% interval %+.1f to %+.1f (Welch t)", top.getN(), rest.getN(), rate,
                            otherRate, rate - otherRate, Math.round(CONFIDENCE * 100), interval[0] * 100,
                            interval[1] * 100));
        }
    }

    /** The 95% interval of mean(a) − mean(b) with unequal variances (Welch–Satterthwaite degrees of freedom). */
    static double[] welch(SummaryStatistics a, SummaryStatistics b) {
        double va = a.getVariance() / a.getN();
        double vb = b.getVariance() / b.getN();
        double se = Math.sqrt(va + vb);
        double difference = a.getMean() - b.getMean();
        if (se == 0) {
            return new double[] { difference, difference };
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.getN() - 1) + vb * vb / (b.getN() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new double[] { difference - t * se, difference + t * se };
    }

    /**
     * Content whose post is in the top quartile of its platform (one with at least the threshold of posts, so the
     * quartile means something) and that has no publication, planned or out, on another platform the brand has an
     * active channel for; the best few, one insight per content item.
     */
    private List<Insight> notYetElsewhere(DashboardScope scope, List<Post> posts) {
        int min = config.analytics().insightMinPosts();
        Map<Platform, List<Post>> byPlatform = posts.stream().collect(Collectors.groupingBy(Post::platform,
                () -> new EnumMap<>(Platform.class), Collectors.toList()));
        Map<Long, Post> best = new HashMap<>();
        Map<Platform, Double> cuts = new EnumMap<>(Platform.class);
        byPlatform.forEach((platform, onPlatform) -> {
            if (onPlatform.size() < min) {
                return;
            }
            double cut = new Percentile().evaluate(onPlatform.stream().mapToDouble(Post::engagement).toArray(), 75);
            cuts.put(platform, cut);
            onPlatform.stream().filter(post -> post.engagement() >= cut).forEach(post -> best.merge(post.contentId(),
                    post, (a, b) -> a.engagement() >= b.engagement() ? a : b));
        });
        if (best.isEmpty()) {
            return List.of();
        }
        Set<Platform> active = activePlatforms(scope.brandId());
        List<Post> candidates = best.values().stream().sorted(Comparator.comparingDouble(Post::engagement).reversed())
                .toList();
        List<Insight> insights = new ArrayList<>();
        // Best first, a page of candidates at a time: a large period's top quartile is thousands of items.
        for (int from = 0; from < candidates.size() && insights.size() < MOST_CROSS_POSTS; from += CANDIDATE_PAGE) {
            List<Post> page = candidates.subList(from, Math.min(from + CANDIDATE_PAGE, candidates.size()));
            Map<Long, Set<Platform>> on = platformsOf(page.stream().map(Post::contentId).toList());
            for (Post post : page) {
                Set<Platform> missing = EnumSet.noneOf(Platform.class);
                missing.addAll(active);
                missing.removeAll(on.getOrDefault(post.contentId(), Set.of()));
                missing.remove(post.platform());
                if (!missing.isEmpty() && insights.size() < MOST_CROSS_POSTS) {
                    insights.add(notYetOn(post, missing, byPlatform.get(post.platform()).size(), cuts.get(post.platform())));
                }
            }
        }
        return insights;
    }

    private static Insight notYetOn(Post post, Set<Platform> missing, int n, double cut) {
        String label = post.platform().label();
        return new Insight("not-yet-elsewhere", String.format(Locale.ROOT,
                "'%s' did well on %s (top 25%% of %d posts); it is not on %s yet.", post.title(), label, n,
                missing.stream().map(Platform::label).collect(Collectors.joining(" or "))),
                String.format(Locale.ROOT, "%.1f%% engagement on %s against a top-quartile cut of %.1f%% over %d %s"
                        + " posts", post.engagement() * 100, label, cut * 100, n, label));
    }

    private Set<Platform> activePlatforms(long brandId) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        for (Object platform : em.createNativeQuery("SELECT DISTINCT platform FROM channel WHERE brand_id = :brand"
                + " AND status = 'ACTIVE'").setParameter("brand", brandId).getResultList()) {
            platforms.add(Platform.valueOf((String) platform));
        }
        return platforms;
    }

    /** The platforms each content item has a publication on, except ones that ended without going out. */
    private Map<Long, Set<Platform>> platformsOf(List<Long> contentIds) {
        Map<Long, Set<Platform>> platforms = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT DISTINCT p.content_id, ch.platform FROM publication p"
                + " JOIN channel ch ON ch.id = p.channel_id WHERE p.content_id IN (:ids) AND p.status NOT IN (:ended)")
                .setParameter("ids", contentIds).setParameter("ended", NOT_OUT).getResultList()) {
            Object[] cells = (Object[]) row;
            platforms.computeIfAbsent(((Number) cells[0]).longValue(), key -> new HashSet<>())
                    .add(Platform.valueOf((String) cells[1]));
        }
        return platforms;
    }

    /**
     * The scope's published posts with views and at least one interaction count, as engagement per view, with their
     * weekday and hour in the brand's zone and the caption their platform got (its variant's text, else the content's
     * description).
     */
    private List<Post> posts(DashboardScope scope) {
        String local = new PeriodOffsets(scope.period()).localSql("pm.published_at");
        String sql = "SELECT ci.id, ci.title, ci.niche, pm.platform, ci.sequencing, (COALESCE(pm.likes, 0)"
                + " + COALESCE(pm.comments, 0) + COALESCE(pm.shares, 0) + COALESCE(pm.saves, 0)) * 1E0 / pm.views,"
                + " WEEKDAY(" + local + "), HOUR(" + local + "), ci.hashtags, COALESCE(v.body, ci.description)"
                + " FROM publication_metrics pm JOIN publication p ON p.id = pm.publication_id"
                + " JOIN content_item ci ON ci.id = p.content_id"
                + " LEFT JOIN content_variant v ON v.content_id = ci.id AND v.platform = pm.platform"
                + " WHERE pm.brand_id = :brand AND pm.published_at >= :start AND pm.published_at < :end AND pm.views > 0"
                + " AND COALESCE(pm.likes, pm.comments, pm.shares, pm.saves) IS NOT NULL"
                + (scope.ownContentOnly() ? " AND ci.created_by = :owner" : "");
        Query query = em.createNativeQuery(sql).setParameter("brand", scope.brandId())
                .setParameter("start", scope.period().startUtc()).setParameter("end", scope.period().endUtc());
        if (scope.ownContentOnly()) {
            query.setParameter("owner", scope.owner());
        }
        List<Post> posts = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            String niche = cells[2] == null || ((String) cells[2]).isBlank() ? null : ((String) cells[2]).strip();
            String caption = (String) cells[9];
            posts.add(new Post(((Number) cells[0]).longValue(), (String) cells[1], niche, Platform.valueOf((String) cells[3]),
                    SequencingStrategy.valueOf((String) cells[4]), DayOfWeek.of(((Number) cells[6]).intValue() + 1),
                    ((Number) cells[7]).intValue(), caption == null ? 0 : caption.length(),
                    PostFeatures.hashtagCount((String) cells[8], caption), ((Number) cells[5]).doubleValue()));
        }
        return posts;
    }
}
