package app.herald.insight;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Trains and measures one target (log views, or engagement rate) with Tribuo's linear SGD regression on one-hot and
 * scaled features: trained on the oldest posts, measured on the newest ({@code holdout} share, time order) against
 * the naive baseline (each channel's median over the training part), then retrained on every post.
 */
final class PerformanceModel {

    /** The model must cut the baseline's mean absolute error by at least this share to be used. */
    static final double REQUIRED_GAIN = 0.05;
    /** Passes over the data: 25 for a small history, fewer for a large one (each pass then has more steps). */
    private static final int MAX_EPOCHS = 25;
    private static final int MIN_EPOCHS = 3;
    private static final int STEPS = 500_000;
    private static final long SEED = 12345L;
    private static final RegressionFactory FACTORY = new RegressionFactory();

    /** A post of the history: its features, channel and target value (already transformed, e.g. log views). */
    record Sample(PostFeatures features, double target) {
    }

    /** A trained target: model (Base64 protobuf), the mean it is centred on, holdout errors and residual quantiles. */
    record Trained(String model, double mean, double modelError, double baselineError, boolean usesModel,
            double residualLow, double residualHigh) {
    }

    private PerformanceModel() {
    }

    /**
     * Measures on the newest {@code holdout} share and retrains on all; {@code toOriginal} turns a target back into
     * the unit the errors are given in (views for log views).
     */
    static Trained train(List<Sample> samples, double holdout, Function<Double, Double> toOriginal) {
        int test = holdoutSize(samples.size(), holdout);
        List<Sample> older = samples.subList(0, samples.size() - test);
        List<Sample> newer = samples.subList(samples.size() - test, samples.size());
        double olderMean = mean(older);
        Model<Regressor> measured = fit(older, olderMean);
        Map<Long, Double> medians = channelMedians(older);
        double overall = median(older);
        double modelError = 0;
        double baselineError = 0;
        double[] residuals = new double[newer.size()];
        for (int i = 0; i < newer.size(); i++) {
            Sample sample = newer.get(i);
            double predicted = predict(measured, sample.features()) + olderMean;
            residuals[i] = sample.target() - predicted;
            double actual = toOriginal.apply(sample.target());
            modelError += Math.abs(toOriginal.apply(predicted) - actual);
            baselineError += Math.abs(toOriginal.apply(medians.getOrDefault(sample.features().channelId(), overall)) - actual);
        }
        modelError /= newer.size();
        baselineError /= newer.size();
        double allMean = mean(samples);
        Percentile percentile = new Percentile();
        percentile.setData(residuals);
        return new Trained(encode(fit(samples, allMean)), allMean, modelError, baselineError,
                modelError <= (1 - REQUIRED_GAIN) * baselineError, percentile.evaluate(10), percentile.evaluate(90));
    }

    /** How many of {@code size} posts, the newest, are held out: the {@code holdout} share, at least one. */
    static int holdoutSize(int size, double holdout) {
        return Math.max(1, (int) Math.round(size * holdout));
    }

    /** The centred prediction of {@code model} (add the stored mean). */
    static double predict(Model<Regressor> model, PostFeatures features) {
        return model.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, features.names(), features.values()))
                .getOutput().getValues()[0];
    }

    @SuppressWarnings("unchecked")
    static Model<Regressor> decode(String model) {
        try {
            return (Model<Regressor>) Model.deserialize(ModelProto.parseFrom(Base64.getDecoder().decode(model)));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("The stored performance model cannot be read; the next training replaces it", e);
        }
    }

    private static String encode(Model<Regressor> model) {
        return Base64.getEncoder().encodeToString(model.serialize().toByteArray());
    }

    private static Model<Regressor> fit(List<Sample> samples, double mean) {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("Herald post history", FACTORY),
                FACTORY);
        for (Sample sample : samples) {
            data.add(new ArrayExample<>(new Regressor("target", sample.target() - mean), sample.features().names(),
                    sample.features().values()));
        }
        // No per-step logging (-1); one example per step; a fixed seed so the same history gives the same model.
        int epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, STEPS / Math.max(1, samples.size())));
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5, 0.1), epochs, -1, 1, SEED).train(data);
    }

    private static Map<Long, Double> channelMedians(List<Sample> samples) {
        Map<Long, List<Double>> byChannel = new HashMap<>();
        samples.forEach(sample -> byChannel.computeIfAbsent(sample.features().channelId(), k -> new ArrayList<>())
                .add(sample.target()));
        Map<Long, Double> medians = new HashMap<>();
        byChannel.forEach((channel, values) -> medians.put(channel,
                new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return medians;
    }

    private static double median(List<Sample> samples) {
        return new Median().evaluate(samples.stream().mapToDouble(Sample::target).toArray());
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::target).average().orElse(0);
    }
}
