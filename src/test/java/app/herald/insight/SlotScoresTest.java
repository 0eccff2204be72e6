package app.herald.insight;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cell scores: engagement relative to the median, pulled towards the median when a cell has few posts. */
class SlotScoresTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void aTwoPostCellIsPulledTowardsTheDefaultWhileAWellSampledCellKeepsMostOfItsLead() {
        List<SlotScores.Post> posts = new ArrayList<>();
        // Monday 10:00 (two posts at 2.5x the median) and Tuesday 09:00 (fifteen posts at 1.6x); the rest at the median.
        for (int i = 0; i < 2; i++) {
            posts.add(new SlotScores.Post(ZonedDateTime.of(2026, 11, 2 + 7 * i, 10, 0, 0, 0, ZONE), 0.25));
        }
        for (int i = 0; i < 15; i++) {
            posts.add(new SlotScores.Post(ZonedDateTime.of(2026, 11, 3 + 7 * (i % 4), 9, 5, 0, 0, ZONE), 0.16));
        }
        for (int i = 0; i < 20; i++) {
            posts.add(new SlotScores.Post(ZonedDateTime.of(2026, 11, 5 + (i % 20), 15, 0, 0, 0, ZONE), 0.10));
        }

        double median = SlotScores.median(posts);
        Map<Integer, SlotScores.Cell> cells = SlotScores.cells(posts, median, 5);

        assertThat(median).isEqualTo(0.10);
        SlotScores.Cell two = cells.get(SlotScores.key(java.time.DayOfWeek.MONDAY, 10));
        SlotScores.Cell fifteen = cells.get(SlotScores.key(java.time.DayOfWeek.TUESDAY, 9));
        assertThat(two.posts()).isEqualTo(2);
        assertThat(two.meanRelative()).isCloseTo(2.5, within(1e-9));
        // (2 × 2.5 + 5) / 7: from +150% raw to +43%, most of the way back to the default (1, the median).
        assertThat(two.score()).isCloseTo(10.0 / 7, within(1e-9));
        // (15 × 1.6 + 5) / 20 = 1.45: it keeps most of its lead and now ranks above the two-post cell.
        assertThat(fifteen.score()).isCloseTo(1.45, within(1e-9));
        assertThat(fifteen.score()).isGreaterThan(two.score());
    }

    @Test
    void withoutAMedianThereIsNothingToScore() {
        List<SlotScores.Post> posts = List.of(new SlotScores.Post(ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZONE), 0));
        assertThat(SlotScores.cells(posts, SlotScores.median(posts), 5)).isEmpty();
    }
}
