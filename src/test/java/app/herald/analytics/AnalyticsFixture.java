package app.herald.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A fixed analytics data set written straight into the metrics tables (as the importer would leave them), so the
 * dashboards' numbers can be asserted exactly. Brand zone Europe/Berlin (UTC+1 in March 2026); the period is
 * Monday 2026-03-02 to Sunday 2026-03-08, the previous one 2026-02-23 to 2026-03-01.
 * <pre>
 * content  owner     strategy         publications (local time): views, likes/comments/shares/saves, % viewed
 * Alpha    owner1    VIRAL_FIRST      YouTube Mon 10:00: 1000, 80/10/5/-, 60 · TikTok Mon 08:00: 5000, 400/50/30/20, -
 *                                     Facebook Mon 12:00: 800, 40/8/12/-, - (followers -)
 * Bravo    owner2    AUTHORITY_FIRST  YouTube Mon 10:20: 2000, 100/20/20/-, 50 · TikTok Mon 13:20: 1500, 100/10/10/30, -
 * Charlie  owner2    BALANCED         YouTube Mon 10:40: 500, 45/5/5/-, 80
 * Delta    owner1    VIRAL_FIRST      YouTube Tue 18:00: 4000, 700/50/50/-, 40
 * Echo     owner2    BALANCED         YouTube Wed 09:00: 300, 40/3/2/-, 70
 * Foxtrot  owner1    AUTHORITY_FIRST  YouTube Wed 2026-02-25 09:00 (previous period): 999
 * </pre>
 */
public final class AnalyticsFixture {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    public static final LocalDate TO = LocalDate.of(2026, 3, 8);
    public static final String PERIOD = "period=custom&from=" + FROM + "&to=" + TO;

    private AnalyticsFixture() {
    }

    /** The data set's ids: brand, channels, content and publications by name ("Alpha/YOUTUBE_SHORTS"). */
    public record DataSet(long brand, String brandName, String tag, Member owner1, Member owner2, Member manager,
            Map<Platform, Long> channels, Map<String, Long> content, Map<String, Long> publications) {

        /** The stored title of content {@code name} ("Alpha" → "Alpha 3f9a1c2e"): unique to this data set. */
        public String title(String name) {
            return name + " " + tag;
        }

        public String query() {
            return "brand=" + brand + "&" + PERIOD;
        }
    }

    /** A new brand with the data set above, its two marketers (owner1, owner2) and a manager, signed in. */
    public static DataSet create() {
        long brand = CalendarFixture.brand("Europe/Berlin");
        Member owner1 = CalendarFixture.member(brand, Role.MARKETER);
        Member owner2 = CalendarFixture.member(brand, Role.MARKETER);
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        String brandName = QuarkusTransaction.requiringNew().call(() -> Brand.<Brand>findById(brand).name);
        Map<Platform, Long> channels = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            channels.put(platform, CalendarFixture.channel(brand, platform, platform.label() + " main", "Europe/Berlin",
                    50, 0, ChannelStatus.ACTIVE));
        }
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> content = new LinkedHashMap<>();
        content.put("Alpha", item(brand, "Alpha " + tag, SequencingStrategy.VIRAL_FIRST, owner1));
        content.put("Bravo", item(brand, "Bravo " + tag, SequencingStrategy.AUTHORITY_FIRST, owner2));
        content.put("Charlie", item(brand, "Charlie " + tag, SequencingStrategy.BALANCED, owner2));
        content.put("Delta", item(brand, "Delta " + tag, SequencingStrategy.VIRAL_FIRST, owner1));
        content.put("Echo", item(brand, "Echo " + tag, SequencingStrategy.BALANCED, owner2));
        content.put("Foxtrot", item(brand, "Foxtrot " + tag, SequencingStrategy.AUTHORITY_FIRST, owner1));

        Map<String, Long> publications = new LinkedHashMap<>();
        DataSet set = new DataSet(brand, brandName, tag, owner1, owner2, manager, channels, content, publications);
        publish(set, "Alpha", Platform.YOUTUBE_SHORTS, "2026-03-02T10:00", 1000L, 80L, 10L, 5L, null, 60.0, 12L);
        publish(set, "Alpha", Platform.TIKTOK, "2026-03-02T08:00", 5000L, 400L, 50L, 30L, 20L, null, null);
        publish(set, "Alpha", Platform.FACEBOOK_REELS, "2026-03-02T12:00", 800L, 40L, 8L, 12L, null, null, null);
        publish(set, "Bravo", Platform.YOUTUBE_SHORTS, "2026-03-02T10:20", 2000L, 100L, 20L, 20L, null, 50.0, 30L);
        publish(set, "Bravo", Platform.TIKTOK, "2026-03-02T13:20", 1500L, 100L, 10L, 10L, 30L, null, null);
        publish(set, "Charlie", Platform.YOUTUBE_SHORTS, "2026-03-02T10:40", 500L, 45L, 5L, 5L, null, 80.0, 3L);
        publish(set, "Delta", Platform.YOUTUBE_SHORTS, "2026-03-03T18:00", 4000L, 700L, 50L, 50L, null, 40.0, 44L);
        publish(set, "Echo", Platform.YOUTUBE_SHORTS, "2026-03-04T09:00", 300L, 40L, 3L, 2L, null, 70.0, 1L);
        publish(set, "Foxtrot", Platform.YOUTUBE_SHORTS, "2026-02-25T09:00", 999L, 100L, null, null, null, null, null);

        // Brand rollup: gains per day. Rows outside both periods must be left out.
        brandDay(brand, "2026-02-22", 3, 70_000L, 1L, 1L, 1L, 1L, 1.0, 1L, 1L);
        brandDay(brand, "2026-02-25", 1, 8000L, 400L, 40L, 40L, null, 1000.0, 4000L, 40L);
        brandDay(brand, "2026-03-02", 6, 6000L, 500L, 60L, 40L, 30L, 1500.0, 3000L, 20L);
        brandDay(brand, "2026-03-05", 2, 4000L, 300L, 20L, 20L, 10L, 500.0, 1000L, 10L);
        brandDay(brand, "2026-03-09", 5, 99_999L, 1L, 1L, 1L, 1L, 1.0, 1L, 1L);

        // Platform rollup: the trend lines (Facebook gave no views on 03-03).
        platformDay(brand, Platform.YOUTUBE_SHORTS, "2026-03-02", 3000L);
        platformDay(brand, Platform.TIKTOK, "2026-03-02", 2500L);
        platformDay(brand, Platform.FACEBOOK_REELS, "2026-03-02", 500L);
        platformDay(brand, Platform.FACEBOOK_REELS, "2026-03-03", null);
        platformDay(brand, Platform.YOUTUBE_SHORTS, "2026-03-05", 4000L);
        platformDay(brand, Platform.YOUTUBE_SHORTS, "2026-03-09", 777L);

        // Per-publication days (cumulative), what a marketer's own numbers come from.
        publicationDay(set, "Alpha/YOUTUBE_SHORTS", "2026-03-02", 600L, 50L);
        publicationDay(set, "Alpha/YOUTUBE_SHORTS", "2026-03-04", 1000L, 80L);
        publicationDay(set, "Alpha/TIKTOK", "2026-03-02", 3000L, 200L);
        publicationDay(set, "Alpha/TIKTOK", "2026-03-06", 5000L, 400L);
        publicationDay(set, "Alpha/FACEBOOK_REELS", "2026-03-03", 800L, 40L);
        publicationDay(set, "Delta/YOUTUBE_SHORTS", "2026-03-03", 4000L, 700L);
        publicationDay(set, "Foxtrot/YOUTUBE_SHORTS", "2026-02-25", 500L, 50L);
        publicationDay(set, "Foxtrot/YOUTUBE_SHORTS", "2026-02-28", 900L, 90L);
        publicationDay(set, "Foxtrot/YOUTUBE_SHORTS", "2026-03-03", 999L, 100L);
        publicationDay(set, "Bravo/YOUTUBE_SHORTS", "2026-03-02", 2000L, 100L);
        return set;
    }

    private static long item(long brand, String title, SequencingStrategy strategy, Member owner) {
        return CalendarFixture.approvedContent(brand, title, strategy, EnumSet.allOf(Platform.class), owner.username());
    }

    /** A publication published at {@code local} (brand zone) and its latest cumulative values. */
    private static void publish(DataSet set, String title, Platform platform, String local, Long views, Long likes,
            Long comments, Long shares, Long saves, Double percentViewed, Long followers) {
        Instant at = LocalDateTime.parse(local).atZone(ZONE).toInstant();
        long channel = set.channels().get(platform);
        long publication = CalendarFixture.publication(set.content().get(title), channel, at, PublicationStatus.PUBLISHED);
        set.publications().put(title + "/" + platform, publication);
        latest(publication, set.brand(), channel, platform, at, views, likes, comments, shares, saves, percentViewed, followers);
    }

    /** The latest cumulative values of {@code publication}, published at {@code at}, as the importer keeps them. */
    static void latest(long publication, long brand, long channel, Platform platform, Instant at, Long views, Long likes,
            Long comments, Long shares, Long saves, Double percentViewed, Long followers) {
        sql("INSERT INTO publication_metrics (publication_id, content_id, brand_id, channel_id, platform, published_at,"
                + " measured_at, views, likes, comments, shares, saves, average_percent_viewed, followers_gained)"
                + " VALUES (?1, (SELECT content_id FROM publication WHERE id = ?1), ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                publication, brand, channel, platform.name(), LocalDateTime.ofInstant(at, ZoneOffset.UTC), views,
                likes, comments, shares, saves, percentViewed, followers);
    }

    private static void brandDay(long brand, String day, int posts, Long views, Long likes, Long comments, Long shares,
            Long saves, Double percentViewedViews, Long viewsWithPercent, Long followers) {
        sql("INSERT INTO brand_metric_day (brand_id, day, posts_published, views, likes, comments, shares, saves,"
                + " percent_viewed_views, views_with_percent, followers_gained)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                brand, LocalDate.parse(day), posts, views, likes, comments, shares, saves, percentViewedViews,
                viewsWithPercent, followers);
    }

    private static void platformDay(long brand, Platform platform, String day, Long views) {
        sql("INSERT INTO platform_metric_day (brand_id, platform, day, posts_published, views) VALUES (?1, ?2, ?3, 1, ?4)",
                brand, platform.name(), LocalDate.parse(day), views);
    }

    private static void publicationDay(DataSet set, String publication, String day, Long views, Long likes) {
        sql("INSERT INTO publication_metric_day (publication_id, day, measured_at, views, likes)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)", set.publications().get(publication), LocalDate.parse(day),
                LocalDate.parse(day).atTime(23, 0), views, likes);
    }

    /** Runs one statement in its own transaction; a null value is bound as SQL NULL. */
    static void sql(String statement, Object... values) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = Brand.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < values.length; i++) {
                query.setParameter(i + 1, values[i]);
            }
            query.executeUpdate();
        });
    }
}
