package app.herald.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.jboss.logging.Logger;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import app.herald.brand.Brand;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The 7-day performance model of each brand: trained from the brand's own published posts by a nightly job (or on
 * demand), stored in the database, and asked per channel by the content and schedule pages. A post's 7-day views are
 * its last daily value up to 7 days after publishing (its latest value when no day rollup exists); its engagement
 * rate is (likes + comments + shares + saves) / views from its latest metrics. Only posts at least 7 days old count.
 */
@ApplicationScoped
public class Predictions {

    private static final Logger LOG = Logger.getLogger(Predictions.class);
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    static final String HISTORY = "SELECT pm.channel_id, pm.platform, pm.published_at, c.timezone,"
            + " COALESCE((SELECT d.views FROM publication_metric_day d WHERE d.publication_id = pm.publication_id"
            + "   AND d.day <= DATE(pm.published_at) + INTERVAL 7 DAY ORDER BY d.day DESC LIMIT 1), pm.views),"
            + " pm.views, pm.likes, pm.comments, pm.shares, pm.saves, ci.sequencing, ci.niche, ci.hashtags,"
            + " COALESCE(v.body, ci.description), mf.duration_seconds"
            + " FROM publication_metrics pm JOIN publication p ON p.id = pm.publication_id"
            + " JOIN channel c ON c.id = pm.channel_id JOIN content_item ci ON ci.id = p.content_id"
            + " LEFT JOIN content_variant v ON v.content_id = ci.id AND v.platform = pm.platform"
            + " LEFT JOIN media_file mf ON mf.id = ci.media_id"
            + " WHERE pm.brand_id = ? AND pm.published_at <= ? ORDER BY pm.published_at, pm.publication_id";

    @Inject
    DataSource dataSource;

    @Inject
    HeraldConfig config;

    /** Decoded models per brand, replaced when the stored model is newer. */
    private final Map<Long, Loaded> models = new ConcurrentHashMap<>();

    private record Loaded(Instant trainedAt, Model<Regressor> views, Model<Regressor> engagement) {
    }

    /** One post of the history with its 7-day views and its engagement rate (null when not given). */
    record Post(PostFeatures features, double views, Double engagement) {
    }

    @Scheduled(identity = "prediction-training", cron = "${herald.prediction.cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsOff.class)
    void nightly() {
        for (Long brandId : QuarkusTransaction.requiringNew().call(() -> Brand.<Brand>listAll().stream()
                .map(brand -> brand.id).toList())) {
            try {
                train(brandId, Instant.now());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Training the performance model of brand %d failed; its previous model stays", brandId);
            }
        }
    }

    /** Trains the brand's model from its posts published before {@code now} - 7 days; false when there are too few. */
    public boolean train(long brandId, Instant now) {
        List<Post> posts = history(brandId, now.minus(SEVEN_DAYS));
        if (posts.size() < config.prediction().minPosts()) {
            QuarkusTransaction.requiringNew().run(() -> {
                PredictionModel.deleteById(brandId);
                PredictionBaseline.delete("brandId", brandId);
            });
            return false;
        }
        double holdout = config.prediction().holdout();
        PerformanceModel.Trained views = PerformanceModel.train(posts.stream()
                .map(post -> new PerformanceModel.Sample(post.features(), Math.log1p(post.views()))).toList(), holdout,
                Math::expm1);
        List<PerformanceModel.Sample> engaged = posts.stream().filter(post -> post.engagement() != null)
                .map(post -> new PerformanceModel.Sample(post.features(), post.engagement())).toList();
        PerformanceModel.Trained engagement = engaged.size() >= config.prediction().minPosts()
                ? PerformanceModel.train(engaged, holdout, value -> value) : null;
        QuarkusTransaction.requiringNew().run(() -> store(brandId, now, posts, holdout, views, engaged.size(), engagement));
        return true;
    }

    /** The forecast for a post with {@code features} on the channel named {@code channel}, at {@code now}. */
    public Forecast forecast(long brandId, String channel, PostFeatures features, Instant now) {
        PredictionModel stored = PredictionModel.findById(brandId);
        if (stored == null) {
            return Forecast.unavailable(channel, "No prediction yet: the model needs " + config.prediction().minPosts()
                    + " posts at least 7 days old with metrics, and is trained nightly.");
        }
        PredictionBaseline baseline = PredictionBaseline.find("brandId = ?1 and channelId = ?2", brandId,
                features.channelId()).firstResult();
        if (baseline == null) {
            return Forecast.unavailable(channel, "No prediction yet: this channel has no post 7 days old with metrics.");
        }
        Loaded loaded = loaded(stored);
        String views;
        String basis;
        String trained = "Trained " + Forecast.age(stored.trainedAt, now) + " on " + stored.sampleSize + " posts; measured on the "
                + stored.holdoutSize + " newest.";
        if (stored.viewsUsesModel) {
            double centre = PerformanceModel.predict(loaded.views(), features) + stored.viewsMeanLog;
            views = range(Math.expm1(centre), Math.expm1(centre + stored.viewsResidualLow),
                    Math.expm1(centre + stored.viewsResidualHigh), true);
            basis = String.format(Locale.ROOT, "Model: %d%% lower error than the channel median on the newest posts"
                    + " (%s vs %s views off on average). ", gain(stored.viewsModelError, stored.viewsBaselineError),
                    Forecast.count(stored.viewsModelError), Forecast.count(stored.viewsBaselineError)) + trained;
        } else {
            views = range(baseline.viewsMedian, baseline.viewsLow, baseline.viewsHigh, true);
            basis = String.format(Locale.ROOT, "The model is not better than the channel median on the newest posts"
                    + " (%s vs %s views off on average), so this is the channel median of %d posts. ",
                    Forecast.count(stored.viewsModelError), Forecast.count(stored.viewsBaselineError), baseline.posts) + trained;
        }
        return new Forecast(channel, true, null, views, engagement(stored, baseline, loaded, features), basis);
    }

    private String engagement(PredictionModel stored, PredictionBaseline baseline, Loaded loaded, PostFeatures features) {
        if (stored.engagementUsesModel && loaded.engagement() != null) {
            double centre = PerformanceModel.predict(loaded.engagement(), features) + stored.engagementMean;
            return range(centre, centre + stored.engagementResidualLow, centre + stored.engagementResidualHigh, false)
                    + " (model)";
        }
        if (baseline.engagementMedian == null) {
            return "not available: the platform gives no likes, comments, shares or saves";
        }
        return range(baseline.engagementMedian, baseline.engagementLow, baseline.engagementHigh, false) + " (channel median)";
    }

    private static String range(double centre, double low, double high, boolean views) {
        return views ? Forecast.count(centre) + " (80% interval " + Forecast.count(low) + "–" + Forecast.count(high) + ")"
                : Forecast.percent(centre) + " (80% interval " + Forecast.percent(low) + "–" + Forecast.percent(high) + ")";
    }

    private static long gain(double model, double baseline) {
        return baseline <= 0 ? 0 : Math.round((1 - model / baseline) * 100);
    }

    private Loaded loaded(PredictionModel stored) {
        Loaded loaded = models.get(stored.brandId);
        if (loaded == null || !loaded.trainedAt().equals(stored.trainedAt)) {
            loaded = new Loaded(stored.trainedAt, PerformanceModel.decode(stored.viewsModel),
                    stored.engagementModel == null ? null
                            : PerformanceModel.decode(stored.engagementModel));
            models.put(stored.brandId, loaded);
        }
        return loaded;
    }

    private static void store(long brandId, Instant now, List<Post> posts, double holdout, PerformanceModel.Trained views,
            int engagedSize, PerformanceModel.Trained engagement) {
        PredictionModel model = PredictionModel.findById(brandId);
        if (model == null) {
            model = new PredictionModel();
            model.brandId = brandId;
        }
        model.trainedAt = now;
        model.sampleSize = posts.size();
        model.holdoutSize = PerformanceModel.holdoutSize(posts.size(), holdout);
        model.viewsMeanLog = views.mean();
        model.viewsModelError = views.modelError();
        model.viewsBaselineError = views.baselineError();
        model.viewsUsesModel = views.usesModel();
        model.viewsResidualLow = views.residualLow();
        model.viewsResidualHigh = views.residualHigh();
        model.viewsModel = views.model();
        model.engagementSize = engagedSize;
        model.engagementUsesModel = engagement != null && engagement.usesModel();
        model.engagementModelError = engagement == null ? null : engagement.modelError();
        model.engagementBaselineError = engagement == null ? null : engagement.baselineError();
        model.engagementResidualLow = engagement == null ? null : engagement.residualLow();
        model.engagementResidualHigh = engagement == null ? null : engagement.residualHigh();
        model.engagementMean = engagement == null ? null : engagement.mean();
        model.engagementModel = engagement == null ? null : engagement.model();
        model.persist();
        PredictionBaseline.delete("brandId", brandId);
        Map<Long, List<Post>> byChannel = new HashMap<>();
        posts.forEach(post -> byChannel.computeIfAbsent(post.features().channelId(), k -> new ArrayList<>()).add(post));
        byChannel.forEach((channelId, channelPosts) -> {
            PredictionBaseline baseline = new PredictionBaseline();
            baseline.brandId = brandId;
            baseline.channelId = channelId;
            baseline.posts = channelPosts.size();
            double[] quantiles = quantiles(channelPosts.stream().mapToDouble(Post::views).toArray());
            baseline.viewsLow = quantiles[0];
            baseline.viewsMedian = quantiles[1];
            baseline.viewsHigh = quantiles[2];
            double[] rates = channelPosts.stream().filter(post -> post.engagement() != null).mapToDouble(Post::engagement).toArray();
            if (rates.length > 0) {
                double[] rateQuantiles = quantiles(rates);
                baseline.engagementLow = rateQuantiles[0];
                baseline.engagementMedian = rateQuantiles[1];
                baseline.engagementHigh = rateQuantiles[2];
            }
            baseline.persist();
        });
    }

    private static double[] quantiles(double[] values) {
        Percentile percentile = new Percentile();
        percentile.setData(values);
        return new double[] { percentile.evaluate(10), percentile.evaluate(50), percentile.evaluate(90) };
    }

    List<Post> history(long brandId, Instant publishedBefore) {
        List<Post> posts = new ArrayList<>();
        Map<String, ZoneId> zones = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(HISTORY)) {
            statement.setLong(1, brandId);
            statement.setObject(2, Rows.utc(publishedBefore));
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Long views = Rows.nullableLong(rows, 5);
                    if (views == null) {
                        continue;
                    }
                    ZonedDateTime at = Rows.instant(rows, 3).atZone(zones.computeIfAbsent(rows.getString(4), ZoneId::of));
                    String caption = rows.getString(14);
                    PostFeatures features = new PostFeatures(rows.getString(2), rows.getLong(1), at.getDayOfWeek(),
                            at.getHour(), rows.getString(11), Rows.nullableDouble(rows, 15),
                            caption == null ? 0 : caption.length(), PostFeatures.hashtagCount(rows.getString(13), caption),
                            rows.getString(12));
                    posts.add(new Post(features, views, Engagement.rate(Rows.nullableLong(rows, 6),
                            Rows.nullableLong(rows, 7), Rows.nullableLong(rows, 8), Rows.nullableLong(rows, 9),
                            Rows.nullableLong(rows, 10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the brand's post history failed: " + e.getMessage(), e);
        }
        return posts;
    }
}
