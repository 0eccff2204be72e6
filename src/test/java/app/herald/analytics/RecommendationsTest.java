package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's recommendations on planted data: fitness posts engage about 9.9% on TikTok (viral-first) against
 * 3.9% on YouTube (balanced). With 12 posts a side both insights show with their n and interval; with 3 a side (under
 * {@code herald.analytics.insight-min-posts}, 10) the same effect is not claimed.
 */
@QuarkusTest
class RecommendationsTest {

    /** Likes per 1000 views, cycled over the posts: a spread, so the interval has a width. */
    private static final int[] TIKTOK = { 90, 95, 100, 105, 110 };
    private static final int[] YOUTUBE = { 30, 35, 40, 45, 50 };

    @Test
    void aClearDifferenceOnEnoughPostsIsShownWithItsEvidence() {
        Document page = plantedBrand(12);

        Element platform = page.selectFirst(".insight[data-insight=platform-for-niche]");
        assertThat(platform.selectFirst("strong").text())
                .isEqualTo("TikTok is your best platform for fitness: 9.9% engagement per post against 3.9% elsewhere.");
        String evidence = platform.selectFirst("small").text();
        assertThat(evidence).startsWith("Evidence: 12 posts against 12; 9.9% against 3.9%: +6.0 points, 95% interval");
        Matcher interval = Pattern.compile("interval \\+(\\d+\\.\\d) to \\+(\\d+\\.\\d) \\(Welch t\\)").matcher(evidence);
        assertThat(interval.find()).as(evidence).isTrue();
        assertThat(Double.parseDouble(interval.group(1))).isBetween(4.0, 5.95);
        assertThat(Double.parseDouble(interval.group(2))).isBetween(6.05, 8.0);

        assertThat(page.selectFirst(".insight[data-insight=strategy] strong").text())
                .isEqualTo("Viral first is your best sequencing strategy: 9.9% engagement per post against 3.9% elsewhere.");
        assertThat(page.select("#no-insights")).isEmpty();
    }

    @Test
    void theSameEffectOnTooFewPostsIsNotClaimed() {
        Document page = plantedBrand(3);

        assertThat(page.select(".insight")).isEmpty();
        assertThat(page.select("#no-insights").text()).contains("at least 10 posts on each side");
    }

    /**
     * A brand whose fitness content went out {@code perPlatform} times on TikTok and on YouTube in the fixture's week,
     * and its dashboard for that week as its manager sees it.
     */
    private static Document plantedBrand(int perPlatform) {
        long brand = CalendarFixture.brand("Europe/Berlin");
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long tiktok = CalendarFixture.channel(brand, Platform.TIKTOK, "TikTok fit", "Europe/Berlin", 50, 0, ChannelStatus.ACTIVE);
        long youtube = CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, "YouTube fit", "Europe/Berlin", 50, 0,
                ChannelStatus.ACTIVE);
        for (int i = 0; i < perPlatform; i++) {
            post(brand, tiktok, Platform.TIKTOK, SequencingStrategy.VIRAL_FIRST, i, TIKTOK[i % TIKTOK.length]);
            post(brand, youtube, Platform.YOUTUBE_SHORTS, SequencingStrategy.BALANCED, i, YOUTUBE[i % YOUTUBE.length]);
        }
        return manager.session().page("/analytics?brand=" + brand + "&" + AnalyticsFixture.PERIOD);
    }

    private static void post(long brand, long channel, Platform platform, SequencingStrategy strategy, int i, long likes) {
        long content = CalendarFixture.approvedContent(brand, "Fit " + platform + " " + i, strategy, EnumSet.of(platform),
                "marketer");
        AnalyticsFixture.sql("UPDATE content_item SET niche = 'fitness' WHERE id = ?1", content);
        Instant at = LocalDateTime.parse("2026-03-02T09:00").plusHours(10L * i).atZone(AnalyticsFixture.ZONE).toInstant();
        long publication = CalendarFixture.publication(content, channel, at, PublicationStatus.PUBLISHED);
        AnalyticsFixture.sql("INSERT INTO publication_metrics (publication_id, brand_id, channel_id, platform, published_at,"
                + " measured_at, views, likes) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1000, ?6)", publication, brand, channel,
                platform.name(), LocalDateTime.ofInstant(at, ZoneOffset.UTC), likes);
    }
}
