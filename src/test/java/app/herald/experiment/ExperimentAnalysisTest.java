package app.herald.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** The verdict rules on plain numbers: several arms, the multiple-comparison adjustment, the sample still needed. */
class ExperimentAnalysisTest {

    @Test
    void withThreeArmsTheLeaderMustBeatEachOtherArmAndPValuesAreAdjustedForTwoComparisons() {
        double[] a = { 0.8, 0.9, 1.0, 1.1, 0.95, 0.85 };
        double[] b = { 0.82, 0.92, 1.02, 1.08, 0.97, 0.88 };
        double[] c = { 1.9, 2.0, 2.1, 2.2, 1.95, 2.05 };

        ExperimentAnalysis.Result result = ExperimentAnalysis.analyse(List.of(sample("A", a), sample("B", b),
                sample("C", c)), 5);

        assertThat(result.headline()).isEqualTo("Winner: C");
        assertThat(result.comparisons()).extracting(ExperimentAnalysis.Comparison::other).containsExactly("A", "B");
        double raw = new MannWhitneyUTest().mannWhitneyUTest(c, a);
        assertThat(result.comparisons().get(0).p()).isEqualTo(Math.min(1, raw * 2));
        assertThat(result.comparisons()).allSatisfy(comparison -> assertThat(comparison.low()).isPositive());
    }

    @Test
    void aLeaderThatBeatsOnlyOneOfTwoArmsIsNoWinner() {
        double[] a = { 1.0, 1.1, 1.2, 1.3, 1.15 };
        double[] b = { 1.02, 1.12, 1.18, 1.28, 1.1 };
        double[] c = { 0.2, 0.3, 0.25, 0.35, 0.28 };

        ExperimentAnalysis.Result result = ExperimentAnalysis.analyse(List.of(sample("A", a), sample("B", b),
                sample("C", c)), 5);

        assertThat(result.verdict()).isEqualTo(ExperimentAnalysis.Verdict.NO_DIFFERENCE_YET);
        assertThat(result.headline()).isEqualTo("No difference yet");
    }

    @Test
    void theSampleNeededCountsFromTheSmallestArm() {
        ExperimentAnalysis.Result result = ExperimentAnalysis.analyse(List.of(sample("A", new double[] { 1, 2 }),
                sample("B", new double[] { 5, 6, 7, 8, 9, 10 })), 6);

        assertThat(result.neededPerArm()).isEqualTo(4);
        assertThat(result.headline()).isEqualTo("No difference yet — needs 4 more posts per arm");
        assertThat(result.comparisons()).isEmpty();
        assertThat(result.arms()).extracting(ExperimentAnalysis.ArmFigures::posts).containsExactly(2, 6);
    }

    private static ExperimentAnalysis.ArmSample sample(String label, double[] normalised) {
        return new ExperimentAnalysis.ArmSample(label, normalised, normalised);
    }
}
