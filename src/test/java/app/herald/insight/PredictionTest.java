package app.herald.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The 7-day forecast: a planted effect beats the channel median on the holdout; pure noise does not. */
@QuarkusTest
class PredictionTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final int POSTS = 300;

    @Inject
    Predictions predictions;

    private record Setup(long brand, long channel, long content) {
    }

    /**
     * 300 TikTok posts, one every 14 hours of local time going back from 19:00 ten days ago (so the same twelve local
     * hours, 19:00 among them, whatever the day the test runs and across daylight-saving changes); {@code planted}
     * makes evening posts (18:00 to 21:59) and viral-first ones get about 4.5x and 2.2x the views, otherwise views are
     * log-normal noise.
     */
    private static Setup setup(boolean planted) {
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", 15, 0, ChannelStatus.ACTIVE);
        Random random = new Random(planted ? 7 : 11);
        LocalDateTime start = LocalDate.now(ZONE).minusDays(10).atTime(19, 0);
        List<InsightFixture.Post> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            ZonedDateTime at = start.minusHours(14L * i).atZone(ZONE);
            String strategy = SequencingStrategy.values()[i % 3].name();
            boolean evening = at.getHour() >= 18 && at.getHour() < 22;
            double log = 7 + (planted ? (evening ? 1.5 : 0) + ("VIRAL_FIRST".equals(strategy) ? 0.8 : 0) : 0)
                    + random.nextGaussian() * (planted ? 0.2 : 0.8);
            long views = Math.round(Math.exp(log));
            posts.add(new InsightFixture.Post(at.toInstant(), views, Math.round(views * 0.05), strategy, "cooking", "A caption"));
        }
        InsightFixture.posts(brand, channel, "TIKTOK", posts);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Forecast"), SequencingStrategy.VIRAL_FIRST,
                EnumSet.of(Platform.TIKTOK), "marketer");
        return new Setup(brand, channel, content);
    }

    private static void plan(long content, ZonedDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> ContentItem.<ContentItem>findById(content).plannedPublishAt = at.toInstant());
    }

    @Test
    void aPlantedEffectBeatsTheBaselineAndThePageSaysByHowMuch() {
        Setup setup = setup(true);
        assertThat(predictions.train(setup.brand(), Instant.now())).isTrue();
        PredictionModel model = QuarkusTransaction.requiringNew().call(() -> PredictionModel.findById(setup.brand()));
        plan(setup.content(), ZonedDateTime.now(ZONE).plusDays(3).withHour(19).withMinute(0));
        CalendarFixture.Member manager = CalendarFixture.member(setup.brand(), Role.MANAGER);

        Document page = manager.session().page("/content/" + setup.content());

        assertThat(model.sampleSize).isEqualTo(POSTS);
        assertThat(model.holdoutSize).isEqualTo(60);
        assertThat(model.viewsUsesModel).isTrue();
        assertThat(model.viewsModelError).isLessThan(0.7 * model.viewsBaselineError);
        long gain = Math.round((1 - model.viewsModelError / model.viewsBaselineError) * 100);
        String basis = page.select(".forecast-basis").text();
        assertThat(basis).startsWith("Model: " + gain + "% lower error than the channel median on the newest posts")
                .contains("Trained just now on 300 posts; measured on the 60 newest.");
        // An evening viral-first post: planted at exp(7 + 1.5 + 0.8) ≈ 10.9k views, several times the channel median.
        PredictionBaseline baseline = QuarkusTransaction.requiringNew().call(() -> PredictionBaseline
                .<PredictionBaseline>find("brandId", setup.brand()).firstResult());
        double expected = parse(page.select(".forecast-views").text());
        assertThat(expected).isBetween(3 * baseline.viewsMedian, 16_000.0);
        assertThat(page.select(".forecast-views").text()).contains("80% interval");
        // Every post's engagement is 5%: nothing for a model to beat, so the page shows the channel median.
        assertThat(page.select(".forecast-engagement").text()).isEqualTo("5.0% (80% interval 5.0%–5.0%) (channel median)");
    }

    @Test
    void onPureNoiseTheModelIsNotBetterAndThePageShowsTheBaseline() {
        Setup setup = setup(false);
        predictions.train(setup.brand(), Instant.now());
        PredictionModel model = QuarkusTransaction.requiringNew().call(() -> PredictionModel.findById(setup.brand()));
        PredictionBaseline baseline = QuarkusTransaction.requiringNew().call(() -> PredictionBaseline
                .<PredictionBaseline>find("brandId", setup.brand()).firstResult());
        plan(setup.content(), ZonedDateTime.now(ZONE).plusDays(3).withHour(19).withMinute(0));
        CalendarFixture.Member manager = CalendarFixture.member(setup.brand(), Role.MANAGER);

        Document page = manager.session().page("/content/" + setup.content());

        assertThat(model.viewsUsesModel).isFalse();
        assertThat(page.select(".forecast-basis").text())
                .startsWith("The model is not better than the channel median on the newest posts")
                .contains("so this is the channel median of 300 posts.");
        assertThat(page.select(".forecast-views").text()).startsWith(Forecast.count(baseline.viewsMedian) + " (80% interval "
                + Forecast.count(baseline.viewsLow) + "–" + Forecast.count(baseline.viewsHigh) + ")");
    }

    @Test
    void theSchedulePageShowsTheForecastForEachProposedTime() {
        Setup setup = setup(true);
        predictions.train(setup.brand(), Instant.now());
        CalendarFixture.Member marketer = CalendarFixture.member(setup.brand(), Role.MARKETER);

        Document page = marketer.session().page("/calendar/schedule/" + setup.content());

        assertThat(page.select(".forecast-views").text()).contains("80% interval");
        assertThat(page.select(".forecast-basis").text()).startsWith("Model: ");
    }

    @Test
    void tooFewPostsGiveNoModelAndThePageSaysWhatIsNeeded() {
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", 15, 0, ChannelStatus.ACTIVE);
        InsightFixture.posts(brand, channel, "TIKTOK", List.of(InsightFixture.Post.of(Instant.now().minus(Duration.ofDays(9)),
                500, 20L)));
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Young"), SequencingStrategy.BALANCED,
                EnumSet.of(Platform.TIKTOK), "marketer");
        plan(content, ZonedDateTime.now(ZONE).plusDays(2));

        assertThat(predictions.train(brand, Instant.now())).isFalse();
        Document page = CalendarFixture.member(brand, Role.MANAGER).session().page("/content/" + content);

        assertThat(page.select(".forecast-basis").text()).isEqualTo(
                "No prediction yet: the model needs 30 posts at least 7 days old with metrics, and is trained nightly.");
    }

    @Test
    void aUserOfAnotherBrandSeesNoneOfItsForecasts() {
        Setup setup = setup(true);
        predictions.train(setup.brand(), Instant.now());
        long other = CalendarFixture.brand("America/New_York");

        CalendarFixture.Member outsider = CalendarFixture.member(other, Role.MANAGER);

        assertThat(outsider.session().get("/content/" + setup.content()).statusCode()).isEqualTo(404);
        assertThat(outsider.session().get("/calendar/schedule/" + setup.content()).statusCode()).isEqualTo(404);
    }

    private static double parse(String text) {
        String number = text.substring(0, text.indexOf(' '));
        double scale = number.endsWith("k") ? 1_000 : number.endsWith("M") ? 1_000_000 : 1;
        return Double.parseDouble(number.replaceAll("[kM]$", "")) * scale;
    }
}
