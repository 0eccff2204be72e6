package app.herald.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;

/**
 * Plain-language insights for the dashboard, each with its evidence: the best platform for each niche and the best
 * sequencing strategy by engagement rate per post, against all other posts of the niche (or period). One is shown
 * only when both sides have {@code herald.analytics.insight-min-posts} posts and the 95% Welch t interval of the
 * difference (Apache Commons Math) lies wholly above zero; otherwise nothing is claimed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Recommendations {

    static final double CONFIDENCE = 0.95;

    @Inject
    EntityManager em;

    @Inject
    HeraldConfig config;

    /** One insight: what it says, and the numbers it rests on (engagement rates in percent, difference in points). */
    public record Insight(String kind, String text, long n, long others, double rate, double otherRate,
            double difference, double low, double high) {

        public String evidence() {
            return String.format(Locale.ROOT, "%d posts against %d; %.1f%% against %.1f%%: %+.1f points, %d%% interval"
                    + " %+.1f to %+.1f (Welch t)", n, others, rate, otherRate, difference, Math.round(CONFIDENCE * 100),
                    low, high);
        }
    }

    /** One measured post of the scope. */
    private record Post(String niche, Platform platform, SequencingStrategy strategy, double engagement) {
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
        return insights;
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
            double difference = top.getMean() - rest.getMean();
            return new Insight(kind, String.format(Locale.ROOT, "%s: %.1f%% engagement per post against %.1f%% elsewhere.",
                    claim, top.getMean() * 100, rest.getMean() * 100), top.getN(), rest.getN(), top.getMean() * 100,
                    rest.getMean() * 100, difference * 100, interval[0] * 100, interval[1] * 100);
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

    /** The scope's published posts with views and at least one interaction count, as engagement per view. */
    private List<Post> posts(DashboardScope scope) {
        String sql = "SELECT ci.niche, pm.platform, ci.sequencing, (COALESCE(pm.likes, 0) + COALESCE(pm.comments, 0)"
                + " + COALESCE(pm.shares, 0) + COALESCE(pm.saves, 0)) * 1E0 / pm.views"
                + " FROM publication_metrics pm JOIN publication p ON p.id = pm.publication_id"
                + " JOIN content_item ci ON ci.id = p.content_id"
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
            String niche = cells[0] == null || ((String) cells[0]).isBlank() ? null : ((String) cells[0]).strip();
            posts.add(new Post(niche, Platform.valueOf((String) cells[1]),
                    SequencingStrategy.valueOf((String) cells[2]),
                    ((Number) cells[3]).doubleValue()));
        }
        return posts;
    }
}
