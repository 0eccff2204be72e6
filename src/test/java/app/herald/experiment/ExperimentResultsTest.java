package app.herald.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What an experiment's result page declares on planted data: the verdict, its direction, the sample it still needs. */
@QuarkusTest
class ExperimentResultsTest {

    @Test
    void aClearPlantedDifferenceIsDeclaredForTheRightArm() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Big", "Small");
        Map<String, Object> fields = ExperimentFixture.fields(setup.content());
        fields.put("metric", "VIEWS");
        long experiment = ExperimentFixture.create(setup.manager(), fields);
        long big = setup.channels().get(0);
        long small = setup.channels().get(1);
        // Arm B gets about twice arm A's views on both channels; the big channel has ten times the small one's reach,
        // so raw views alone would mix the arms up (A on Big beats B on Small): only normalising by channel sorts it.
        for (int i = 0; i < 4; i++) {
            ExperimentFixture.post(experiment, "A", big, Map.of("views", 10_000 + 300 * i));
            ExperimentFixture.post(experiment, "B", big, Map.of("views", 20_000 + 300 * i));
            ExperimentFixture.post(experiment, "A", small, Map.of("views", 1_000 + 30 * i));
            ExperimentFixture.post(experiment, "B", small, Map.of("views", 2_000 + 30 * i));
        }

        Document page = page(setup, experiment);

        assertThat(page.select("#verdict").text()).isEqualTo("Winner: B");
        assertThat(page.select(".verdict").text()).contains("B is ahead of every other arm");
        assertThat(page.select("h2:contains(Differences) + table").select("tbody tr").text()).startsWith("B − A +");
        assertThat(arm(page, "A")).contains("8 of 5 needed");
        assertThat(arm(page, "B")).contains("8 of 5 needed");
    }

    @Test
    void theWinnerIsTheBetterArmWhicheverLabelItHas() {
        Running running = running();
        long experiment = running.experiment();
        long channel = running.channel();
        for (int i = 0; i < 6; i++) {
            ExperimentFixture.viewed(experiment, "A", channel, 70 + i);
            ExperimentFixture.viewed(experiment, "B", channel, 30 + i);
        }

        Document page = running.page();

        assertThat(page.select("#verdict").text()).isEqualTo("Winner: A");
        assertThat(arm(page, "A")).contains("72.5%");
        assertThat(arm(page, "B")).contains("32.5%");
        assertThat(page.select("h2:contains(Differences) + table").text()).contains("A − B");
    }

    @Test
    void aCoinFlipSampleIsNotDeclared() {
        Running running = running();
        long experiment = running.experiment();
        long channel = running.channel();
        Random coin = new Random(7);
        for (int i = 0; i < 12; i++) {
            ExperimentFixture.viewed(experiment, "A", channel, coin.nextBoolean() ? 60 : 40);
            ExperimentFixture.viewed(experiment, "B", channel, coin.nextBoolean() ? 60 : 40);
        }

        Document page = running.page();

        assertThat(page.select("#verdict").text()).isEqualTo("No difference yet");
        assertThat(page.select(".verdict").text()).contains("within what chance alone gives").doesNotContain("Winner");
        assertThat(page.select("h2:contains(Differences) + table").text()).contains("95% interval");
    }

    @Test
    void underTheMinimumSampleNothingIsDeclaredAndThePageSaysHowManyPostsAreMissing() {
        Running running = running();
        long experiment = running.experiment();
        long channel = running.channel();
        for (int i = 0; i < 3; i++) {
            ExperimentFixture.viewed(experiment, "A", channel, 20 + i);
            ExperimentFixture.viewed(experiment, "B", channel, 90 + i);
        }
        ExperimentFixture.viewed(experiment, "B", channel, 95);
        // A post the platform has given no metric for yet is listed but does not count.
        ExperimentFixture.post(experiment, "A", channel, Map.of("views", 500));

        Document page = running.page();

        assertThat(page.select("#verdict").text()).isEqualTo("No difference yet — needs 2 more posts per arm");
        assertThat(page.text()).doesNotContain("Winner");
        assertThat(arm(page, "A")).contains("3 of 5 needed");
        assertThat(arm(page, "B")).contains("4 of 5 needed");
        assertThat(page.select("#posts + table").text()).contains("waiting for metrics");
    }

    @Test
    void thePageNamesTheMethodAndThatArmsAreNotRandomisedSplits() {
        Document page = running().page();

        assertThat(page.select(".method").text()).contains("Mann-Whitney rank test", "Apache Commons Math",
                "divided by the median of its channel's posts", "95% bootstrap percentile interval", "fixed seed");
        assertThat(page.select(".caveat").text()).contains("Not a randomised split",
                "each arm is a separate post, seen by different audiences at different times");
        assertThat(page.select("#posts + p.empty").text()).contains("No posts counted yet");
    }

    @Test
    void theSameDataGivesTheSameInterval() {
        Running running = running();
        long experiment = running.experiment();
        long channel = running.channel();
        for (int i = 0; i < 5; i++) {
            ExperimentFixture.viewed(experiment, "A", channel, 40 + 3 * i);
            ExperimentFixture.viewed(experiment, "B", channel, 44 + 3 * i);
        }

        String first = running.page().select("h2:contains(Differences) + table").text();
        String second = running.page().select("h2:contains(Differences) + table").text();

        assertThat(first).contains("95% interval").isEqualTo(second);
    }

    /** A new experiment (two hook arms, average % viewed, 5 posts per arm) on a brand's one TikTok channel. */
    private record Running(ExperimentFixture.Setup setup, long experiment, long channel) {

        Document page() {
            return ExperimentResultsTest.page(setup, experiment);
        }
    }

    private static Running running() {
        ExperimentFixture.Setup setup = ExperimentFixture.setup("Only");
        return new Running(setup, ExperimentFixture.create(setup.manager(), ExperimentFixture.fields(setup.content())),
                setup.channels().get(0));
    }

    private static Document page(ExperimentFixture.Setup setup, long experiment) {
        return setup.manager().session().page("/experiments/" + experiment);
    }

    private static String arm(Document page, String label) {
        return page.select("table").get(0).select("tbody tr").stream()
                .filter(row -> row.select("th").text().equals(label)).findFirst().orElseThrow().text();
    }
}
