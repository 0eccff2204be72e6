package app.herald.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Judges an experiment from its arms' channel-normalised values (each post's metric divided by its channel's median):
 * the leading arm (highest median) against each other arm with a two-sided Mann-Whitney U test (Commons Math),
 * Bonferroni-adjusted, and a bootstrap percentile interval for the difference of medians with a fixed seed, so the
 * same posts always give the same page. Below the minimum sample per arm it declares nothing.
 */
final class ExperimentAnalysis {

    static final double ALPHA = 0.05;
    /** Below this (adjusted) p-value a leader that is not yet a winner is reported as "Preferred". */
    static final double PREFERRED_P = 0.20;
    static final int RESAMPLES = 2000;
    static final long SEED = 20261207L;

    /** How the result was reached, in words the page prints. */
    static String method(ExperimentMetric metric, Duration age) {
        String at = ageText(age);
        return "Every post is measured at the same age: its " + metric.label().toLowerCase() + " " + at + " after it was"
                + " published (the day it reached that age in its day rollup, or the last day before it); posts younger"
                + " than " + at + " wait and are not in the sample. Each value is divided by the median of its channel's"
                + " posts at that age, so a big and a small channel compare fairly. The leading arm (highest median) is compared with"
                + " each other arm by a two-sided Mann-Whitney rank test (Apache Commons Math; p-values are multiplied by"
                + " the number of comparisons) and the difference of medians gets a 95% bootstrap percentile interval ("
                + RESAMPLES + " resamples, fixed seed, so the result is reproducible).";
    }

    /** "7 days", "36 hours". */
    static String ageText(Duration age) {
        if (age.toHours() % 24 == 0) {
            long days = age.toDays();
            return days + " day" + (days == 1 ? "" : "s");
        }
        return age.toHours() + " hours";
    }

    static final String NOT_RANDOMISED = "These are not randomised viewer splits: each arm is a separate post, seen by"
            + " different audiences at different times, so a difference may come from the post's day, hour or channel as"
            + " well as from its text. Herald balances arms over the same channels and slots to limit that.";

    private ExperimentAnalysis() {
    }

    /** How the experiment stands. */
    enum Verdict {
        WINNER("Winner"), PREFERRED("Preferred"), NO_DIFFERENCE_YET("No difference yet");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One arm's posts: its metric values and the matching channel-normalised values. */
    record ArmSample(String label, double[] raw, double[] normalised) {

        int size() {
            return normalised.length;
        }
    }

    /** An arm's figures for the page: posts counted, median metric and median relative to the channel. */
    record ArmFigures(String label, int posts, Double median, Double normalisedMedian) {

        public String normalisedText() {
            return times(normalisedMedian);
        }
    }

    /** The leader against one other arm: difference of normalised medians, its interval and the adjusted p-value. */
    record Comparison(String leader, String other, double difference, double low, double high, double p) {

        public String differenceText() {
            return signed(difference) + "× channel median (95% interval " + signed(low) + " to " + signed(high) + ")";
        }

        public String pText() {
            return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
        }
    }

    /** The verdict with its headline ("Winner: B") and the sentence that explains it. */
    record Result(List<ArmFigures> arms, List<Comparison> comparisons, Verdict verdict, String headline,
            String explanation, int neededPerArm) {
    }

    static Result analyse(List<ArmSample> samples, int minPerArm) {
        Median median = new Median();
        List<ArmFigures> figures = samples.stream().map(sample -> new ArmFigures(sample.label(), sample.size(),
                sample.size() == 0 ? null : median.evaluate(sample.raw()),
                sample.size() == 0 ? null : median.evaluate(sample.normalised()))).toList();
        int smallest = samples.stream().mapToInt(ArmSample::size).min().orElse(0);
        if (smallest < minPerArm) {
            int needed = minPerArm - smallest;
            return new Result(figures, List.of(), Verdict.NO_DIFFERENCE_YET,
                    "No difference yet — needs " + needed + " more post" + (needed == 1 ? "" : "s") + " per arm",
                    "Every arm needs at least " + minPerArm + " posts with metrics before Herald compares them; the"
                            + " smallest arm has " + smallest + ".", needed);
        }
        ArmSample leader = samples.stream()
                .max(Comparator.comparingDouble((ArmSample sample) -> median.evaluate(sample.normalised()))
                        .thenComparing(ArmSample::label, Comparator.reverseOrder()))
                .orElseThrow();
        int comparisonsMade = samples.size() - 1;
        List<Comparison> comparisons = new ArrayList<>();
        for (ArmSample other : samples) {
            if (other != leader) {
                comparisons.add(compare(leader, other, comparisonsMade));
            }
        }
        double worstP = comparisons.stream().mapToDouble(Comparison::p).max().orElse(1);
        String p = comparisons.size() == 1 ? "p = " + comparisons.get(0).pText() : "largest adjusted p = "
                + comparisons.stream().max(Comparator.comparingDouble(Comparison::p)).orElseThrow().pText();
        boolean clear = comparisons.stream().allMatch(c -> c.p() < ALPHA && c.low() > 0);
        boolean ahead = comparisons.stream().allMatch(c -> c.difference() > 0);
        if (clear) {
            return new Result(figures, comparisons, Verdict.WINNER, "Winner: " + leader.label(), leader.label()
                    + " is ahead of every other arm (" + p + ", below " + ALPHA + ") and each 95% interval of the"
                    + " difference is above zero.", 0);
        }
        if (ahead && worstP < PREFERRED_P) {
            return new Result(figures, comparisons, Verdict.PREFERRED, "Preferred: " + leader.label(), leader.label()
                    + " leads (" + p + "), but not clearly enough to call it a winner: prefer it if you must choose"
                    + " now, and keep posting to be sure.", 0);
        }
        return new Result(figures, comparisons, Verdict.NO_DIFFERENCE_YET, "No difference yet", "The arms are within"
                + " what chance alone gives (" + p + "); more posts per arm would narrow the intervals.", 0);
    }

    private static Comparison compare(ArmSample leader, ArmSample other, int comparisons) {
        Median median = new Median();
        double p = Math.min(1, new MannWhitneyUTest().mannWhitneyUTest(leader.normalised(), other.normalised())
                * comparisons);
        RandomGenerator random = new Well19937c(SEED);
        double[] differences = new double[RESAMPLES];
        double[] a = new double[leader.size()];
        double[] b = new double[other.size()];
        for (int i = 0; i < RESAMPLES; i++) {
            resample(leader.normalised(), a, random);
            resample(other.normalised(), b, random);
            differences[i] = median.evaluate(a) - median.evaluate(b);
        }
        Arrays.sort(differences);
        Percentile percentile = new Percentile();
        return new Comparison(leader.label(), other.label(),
                median.evaluate(leader.normalised()) - median.evaluate(other.normalised()),
                percentile.evaluate(differences, 2.5), percentile.evaluate(differences, 97.5), p);
    }

    private static void resample(double[] from, double[] into, RandomGenerator random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    /** "1.25× channel median", or a dash. */
    static String times(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f× channel median", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }
}
