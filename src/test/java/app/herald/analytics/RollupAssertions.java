package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The check every rollup test ends with: the stored rollups equal those recomputed from the raw snapshots. */
final class RollupAssertions {

    private RollupAssertions() {
    }

    /** Fractions compared to 1e-6; a row left with no value at all counts as no row. */
    static void assertEqualsRecomputed(MetricRollups rollups, long brand) {
        MetricRollups.Snapshot stored = rollups.stored(brand);
        MetricRollups.Snapshot expected = rollups.recompute(brand);
        assertThat(stored.publicationDays()).isEqualTo(expected.publicationDays());
        Map<MetricRollups.Cell, MetricRollups.Sums> cells = new TreeMap<>(stored.cells());
        cells.values().removeIf(sums -> sums.posts == 0 && Arrays.stream(sums.gains).allMatch(gain -> gain == null));
        assertThat(cells.keySet()).isEqualTo(expected.cells().keySet());
        cells.forEach((cell, sums) -> {
            MetricRollups.Sums want = expected.cells().get(cell);
            assertThat(sums.posts).as("posts of %s", cell).isEqualTo(want.posts);
            for (int column = 0; column < sums.gains.length; column++) {
                String what = DayValues.COLUMNS.get(column) + " of " + cell;
                if (want.gains[column] == null) {
                    assertThat(sums.gains[column]).as(what).isNull();
                } else {
                    assertThat(sums.gains[column]).as(what).isNotNull();
                    assertThat(sums.gains[column]).as(what).isCloseTo(want.gains[column], within(1e-6));
                }
            }
        });
        assertThat(expected.cells()).isNotEmpty();
    }
}
