package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.analytics.AnalyticsFixture.DataSet;
import app.herald.calendar.CalendarFixture;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The dashboards' numbers on the fixed data set of {@link AnalyticsFixture}, as JSON, page and CSV show them. */
@QuarkusTest
class AnalyticsDashboardTest {

    private static DataSet set;

    private static synchronized DataSet set() {
        if (set == null) {
            set = AnalyticsFixture.create();
        }
        return set;
    }

    private static JsonPath json(CalendarFixture.Member member, String path) {
        Response response = member.session().get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body().asString()).isEqualTo(200);
        return response.jsonPath();
    }

    @Test
    void kpiTilesShowThePeriodsGainsAgainstThePreviousPeriod() {
        JsonPath kpis = json(set().manager(), "/analytics/data/kpis?" + set().query());

        assertThat(kpis.getString("zone")).isEqualTo("Europe/Berlin");
        assertThat(kpis.getString("previousFrom")).isEqualTo("2026-02-23");
        assertThat(kpis.getList("kpis.key")).containsExactly("views", "engagement", "viewed", "followers", "posts");
        assertThat(kpis.getDouble("kpis[0].current")).isEqualTo(10_000);
        assertThat(kpis.getDouble("kpis[0].previous")).isEqualTo(8_000);
        assertThat(kpis.getDouble("kpis[1].current")).isCloseTo(9.8, within(1e-9));
        assertThat(kpis.getDouble("kpis[1].previous")).isCloseTo(6.0, within(1e-9));
        assertThat(kpis.getDouble("kpis[2].current")).isCloseTo(50.0, within(1e-9));
        assertThat(kpis.getDouble("kpis[2].previous")).isCloseTo(25.0, within(1e-9));
        assertThat(kpis.getDouble("kpis[3].current")).isEqualTo(30);
        assertThat(kpis.getDouble("kpis[3].previous")).isEqualTo(40);
        assertThat(kpis.getDouble("kpis[4].current")).isEqualTo(8);
        assertThat(kpis.getDouble("kpis[4].previous")).isEqualTo(1);

        Document page = set().manager().session().page("/analytics?" + set().query());
        assertThat(tile(page, "views")).isEqualTo("Views 10k +25.0% previous period: 8k");
        assertThat(tile(page, "engagement")).isEqualTo("Engagement rate 9.8% +63.3% previous period: 6.0%");
        assertThat(tile(page, "viewed")).isEqualTo("Average % viewed 50.0% +100.0% previous period: 25.0%");
        assertThat(tile(page, "followers")).isEqualTo("Followers gained 30 −25.0% previous period: 40");
        assertThat(tile(page, "posts")).isEqualTo("Posts published 8 +700.0% previous period: 1");
        assertThat(page.select("#analytics-scope").text())
                .contains("2026-03-02 – 2026-03-08 (7 days, Europe/Berlin)", "2026-02-23 – 2026-03-01", "Europe/Berlin");
    }

    @Test
    void trendLinesHoldEachPlatformsDailyGainsAndSayWhyAPointIsMissing() {
        JsonPath trend = json(set().manager(), "/analytics/data/trend?" + set().query());

        assertThat(trend.getList("chart.labels")).hasSize(7).startsWith("2026-03-02").endsWith("2026-03-08");
        assertThat(trend.getList("chart.datasets.label")).containsExactly("YouTube Shorts", "TikTok", "Facebook Reels");
        assertThat(trend.getList("chart.datasets[0].data")).containsExactly(3000.0f, null, null, 4000.0f, null, null, null);
        assertThat(trend.getList("chart.datasets[0].text")).containsExactly("3k", "no data", "no data", "4k", "no data",
                "no data", "no data");
        assertThat(trend.getList("chart.datasets[2].text").subList(0, 2))
                .containsExactly("500", "not available on Facebook Reels");

        Document page = set().manager().session().page("/analytics?" + set().query());
        Element row = page.select("table[data-chart-table=trend] tbody tr").get(1);
        assertThat(row.text()).isEqualTo("2026-03-03 no data no data not available on Facebook Reels");
    }

    @Test
    void topContentIsOrderedByTheChosenColumnAndShowsMissingMetricsAsNotAvailable() {
        JsonPath byViews = json(set().manager(), "/analytics/data/top?" + set().query());
        assertThat(rows(byViews)).containsExactly("Alpha/TIKTOK", "Delta/YOUTUBE_SHORTS", "Bravo/YOUTUBE_SHORTS",
                "Bravo/TIKTOK", "Alpha/YOUTUBE_SHORTS", "Alpha/FACEBOOK_REELS", "Charlie/YOUTUBE_SHORTS",
                "Echo/YOUTUBE_SHORTS");

        JsonPath byEngagement = json(set().manager(), "/analytics/data/top?sort=engagement&" + set().query());
        assertThat(rows(byEngagement)).startsWith("Delta/YOUTUBE_SHORTS", "Echo/YOUTUBE_SHORTS", "Charlie/YOUTUBE_SHORTS")
                .endsWith("Alpha/FACEBOOK_REELS", "Bravo/YOUTUBE_SHORTS");
        assertThat(byEngagement.getDouble("rows[0].engagementRate")).isCloseTo(20.0, within(1e-9));

        JsonPath byViewed = json(set().manager(), "/analytics/data/top?sort=viewed&" + set().query());
        assertThat(rows(byViewed)).startsWith("Charlie/YOUTUBE_SHORTS", "Echo/YOUTUBE_SHORTS", "Alpha/YOUTUBE_SHORTS");

        Document page = set().manager().session().page("/analytics?sort=views&" + set().query());
        List<Element> rows = page.select("table.top-content tbody tr");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0).text()).contains(set().title("Alpha"), "TikTok", "5k", "10.0%", "not available on TikTok");
        assertThat(rows.get(5).select("td").get(6).text()).isEqualTo("not available on Facebook Reels");
        assertThat(page.select("table.top-content th[aria-sort]").text()).isEqualTo("Views");
        assertThat(page.text()).doesNotContain(set().title("Foxtrot"));
    }

    @Test
    void theHeatmapKeepsLocalHoursAcrossADaylightSavingChange() {
        long brand = CalendarFixture.brand("Europe/Berlin");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Clocks", "Europe/Berlin", 50, 0,
                app.herald.channel.ChannelStatus.ACTIVE);
        // Berlin moved from UTC+1 to UTC+2 on Sunday 29 March 2026 at 02:00: both Mondays' 10:00 posts are 10:00 local.
        for (String local : List.of("2026-03-23T10:00", "2026-03-30T10:15", "2026-03-29T01:30", "2026-03-29T03:30")) {
            long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Clock " + local));
            java.time.Instant at = java.time.LocalDateTime.parse(local).atZone(AnalyticsFixture.ZONE).toInstant();
            long publication = CalendarFixture.publication(content, channel, at, app.herald.calendar.PublicationStatus.PUBLISHED);
            AnalyticsFixture.latest(publication, brand, channel, Platform.TIKTOK, at, 1000L, 50L, null, null, null, null, null);
        }
        CalendarFixture.Member manager = CalendarFixture.member(brand, Role.MANAGER);

        JsonPath heatmap = json(manager, "/analytics/data/heatmap?brand=" + brand + "&period=custom&from=2026-03-23&to=2026-03-30");

        String cell = "channels[0].days[%d][%d].posts";
        assertThat(heatmap.getInt(cell.formatted(0, 10))).isEqualTo(2);
        assertThat(heatmap.getInt(cell.formatted(6, 1))).isEqualTo(1);
        assertThat(heatmap.getInt(cell.formatted(6, 3))).isEqualTo(1);
        assertThat(heatmap.getInt(cell.formatted(0, 9)) + heatmap.getInt(cell.formatted(6, 2))).isZero();
    }

    @Test
    void theBestTimeHeatmapComparesEachCellWithTheChannelsMedianInTheBrandsZone() {
        JsonPath heatmap = json(set().manager(), "/analytics/data/heatmap?" + set().query());
        assertThat(heatmap.getInt("minPosts")).isEqualTo(3);
        assertThat(heatmap.getList("channels.platform")).containsExactly("FACEBOOK_REELS", "TIKTOK", "YOUTUBE_SHORTS");
        Map<String, Object> youtube = heatmap.getMap("channels.find { it.platform == 'YOUTUBE_SHORTS' }");
        assertThat(((Number) youtube.get("posts")).intValue()).isEqualTo(5);
        assertThat(((Number) youtube.get("medianEngagement")).doubleValue()).isCloseTo(0.11, within(1e-9));

        String cell = "channels.find { it.platform == 'YOUTUBE_SHORTS' }.days[%d][%d].";
        // Three posts on Monday between 10:00 and 10:40 Berlin time (09:xx UTC): median 0.095 against 0.11.
        assertThat(heatmap.getString(cell.formatted(0, 10) + "state")).isEqualTo("DATA");
        assertThat(heatmap.getInt(cell.formatted(0, 10) + "posts")).isEqualTo(3);
        assertThat(heatmap.getDouble(cell.formatted(0, 10) + "ratio")).isCloseTo(0.095 / 0.11, within(1e-6));
        assertThat(heatmap.getString(cell.formatted(0, 9) + "state")).isEqualTo("NO_POSTS");
        assertThat(heatmap.getString(cell.formatted(1, 18) + "state")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(heatmap.getInt(cell.formatted(1, 18) + "posts")).isEqualTo(1);
        assertThat(heatmap.getString(cell.formatted(2, 9) + "state")).isEqualTo("NOT_ENOUGH_DATA");

        Document page = set().manager().session().page("/analytics?" + set().query());
        Element grid = page.selectFirst("table.heatmap[data-channel=" + set().channels().get(Platform.YOUTUBE_SHORTS) + "]");
        assertThat(grid.select("caption").text()).contains("YouTube Shorts main", "5 posts", "11.0%");
        assertThat(grid.selectFirst("td[data-weekday=0][data-hour=10]").text()).isEqualTo("0.86× 0.86× (3 posts)");
        assertThat(grid.selectFirst("td[data-weekday=1][data-hour=18]").text()).isEqualTo("few not enough data (1 post)");
        assertThat(grid.selectFirst("td[data-weekday=0][data-hour=9]").text()).isEqualTo("no posts");
        assertThat(grid.select("td").eachText()).noneMatch(text -> text.equals("0") || text.startsWith("0 "));
    }

    @Test
    void strategiesAreComparedWithTheirSampleSizes() {
        JsonPath strategies = json(set().manager(), "/analytics/data/strategies?" + set().query());
        assertThat(strategies.getList("rows.strategy")).containsExactly("VIRAL_FIRST", "AUTHORITY_FIRST", "BALANCED");
        assertThat(strategies.getList("rows.items")).containsExactly(2, 1, 2);
        assertThat(strategies.getList("rows.publications")).containsExactly(4, 2, 2);
        assertThat(strategies.getDouble("rows[0].viewsPerPost")).isEqualTo(2700);
        assertThat(strategies.getDouble("rows[0].engagementRate")).isCloseTo(1455.0 / 10_800 * 100, within(1e-6));
        assertThat(strategies.getDouble("rows[0].percentViewed")).isCloseTo(44.0, within(1e-6));
        assertThat(strategies.getDouble("rows[1].viewsPerPost")).isEqualTo(1750);
        assertThat(strategies.getDouble("rows[1].percentViewed")).isCloseTo(50.0, within(1e-6));
        assertThat(strategies.getDouble("rows[2].engagementRate")).isCloseTo(12.5, within(1e-6));
        assertThat(strategies.getDouble("rows[2].percentViewed")).isCloseTo(76.25, within(1e-6));
        assertThat(strategies.getList("rows.smallSample")).containsExactly(true, true, true);

        Document page = set().manager().session().page("/analytics?" + set().query());
        assertThat(page.selectFirst("table.strategies tr[data-strategy=VIRAL_FIRST]").text())
                .contains("Viral first", "2 content items, 4 publications", "small sample", "2.7k", "13.5%", "44.0%");
    }

    @Test
    void eachContentPublishedOnSeveralPlatformsNamesItsWinnerAndMargin() {
        JsonPath compare = json(set().manager(), "/analytics/data/compare?" + set().query());
        assertThat(compare.getList("items.title")).containsExactly(set().title("Alpha"), set().title("Bravo"));
        assertThat(compare.getString("items[0].winner")).isEqualTo("TIKTOK");
        assertThat(compare.getString("items[0].runnerUp")).isEqualTo("YOUTUBE_SHORTS");
        assertThat(compare.getDouble("items[0].margin")).isEqualTo(4000);
        assertThat(compare.getDouble("items[0].marginPercent")).isCloseTo(400.0, within(1e-9));
        assertThat(compare.getString("items[0].verdict")).isEqualTo("TikTok won by 4k views (+400.0%) over YouTube Shorts");
        assertThat(compare.getString("items[1].winner")).isEqualTo("YOUTUBE_SHORTS");
        assertThat(compare.getString("items[1].verdict")).isEqualTo("YouTube Shorts won by 500 views (+33.3%) over TikTok");
        assertThat(compare.getString("viewDefinitions.FACEBOOK_REELS")).contains("replays excluded");

        Document page = set().manager().session().page("/analytics?" + set().query());
        assertThat(page.select(".view-definitions dt").eachText()).containsExactlyInAnyOrder("YouTube Shorts", "TikTok",
                "Facebook Reels");
        Element alpha = page.selectFirst("table.comparisons tr[data-content=" + set().content().get("Alpha") + "]");
        assertThat(alpha.select("li.winner").text()).isEqualTo("TikTok: 5k views, 10.0% engagement");
        assertThat(alpha.select(".verdict").text()).isEqualTo("TikTok won by 4k views (+400.0%) over YouTube Shorts");
    }

    @Test
    void aMarketerSeesOnlyTheNumbersOfTheirOwnContent() {
        JsonPath kpis = json(set().owner1(), "/analytics/data/kpis?" + set().query());
        assertThat(kpis.getBoolean("ownContentOnly")).isTrue();
        // Gains of Alpha, Delta and Foxtrot: cumulative views on 03-08 (11 799) less those on 03-01 (900).
        assertThat(kpis.getDouble("kpis[0].current")).isEqualTo(10_899);
        assertThat(kpis.getDouble("kpis[0].previous")).isEqualTo(900);
        assertThat(kpis.getDouble("kpis[1].current")).isCloseTo(1230.0 / 10_899 * 100, within(1e-6));
        assertThat(kpis.getString("kpis[2].currentText")).isEqualTo("not available");
        assertThat(kpis.getDouble("kpis[4].current")).isEqualTo(4);
        assertThat(kpis.getDouble("kpis[4].previous")).isEqualTo(1);

        JsonPath trend = json(set().owner1(), "/analytics/data/trend?" + set().query());
        assertThat(trend.getList("chart.datasets[0].data")).containsExactly(600.0f, 4099.0f, 400.0f, null, null, null, null);

        JsonPath top = json(set().owner1(), "/analytics/data/top?" + set().query());
        assertThat(rows(top)).containsExactly("Alpha/TIKTOK", "Delta/YOUTUBE_SHORTS", "Alpha/YOUTUBE_SHORTS",
                "Alpha/FACEBOOK_REELS");
        JsonPath strategies = json(set().owner1(), "/analytics/data/strategies?" + set().query());
        assertThat(strategies.getList("rows.items")).containsExactly(2, 0, 0);

        Document page = set().owner1().session().page("/analytics?" + set().query());
        assertThat(page.text()).contains("Only the content you created", set().title("Alpha"))
                .doesNotContain(set().title("Bravo"), set().title("Charlie"), set().title("Echo"));
        String csv = set().owner1().session().get("/analytics/export.csv?report=top&" + set().query()).body().asString();
        assertThat(csv).contains(set().title("Delta")).doesNotContain(set().title("Bravo"));
    }

    @Test
    void theCsvExportHoldsTheSameRowsWithMissingMetricsLeftEmpty() {
        Response response = set().manager().session().get("/analytics/export.csv?report=top&" + set().query());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("herald-top-2026-03-02-2026-03-08.csv");
        List<String> lines = response.body().asString().lines().toList();
        assertThat(lines.get(0)).startsWith("publication_id,content_id,title,owner,platform,channel,published_at,views");
        assertThat(lines).hasSize(9);
        assertThat(lines.get(1)).contains(set().title("Alpha"), ",TikTok,", ",5000,", ",10,,,")
                .endsWith("empty cells: not available on TikTok");

        String kpis = set().manager().session().get("/analytics/export.csv?report=kpis&" + set().query()).body().asString();
        assertThat(kpis.lines().toList()).contains("Views,10000,8000,25", "Engagement rate,9.8000,6,63.3333",
                "Followers gained,30,40,-25");
        String heatmap = set().manager().session().get("/analytics/export.csv?report=heatmap&" + set().query()).body()
                .asString();
        assertThat(heatmap).contains(",YouTube Shorts,1,10,3,0.8636,DATA");
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        var manager = set().manager().session();
        assertError(manager.get("/analytics/data/kpis?brand=" + set().brand() + "&period=week"),
                "Unknown period 'week': choose 7d, 28d, 90d or custom");
        assertError(manager.get("/analytics/data/top?brand=" + set().brand() + "&period=custom&from=2026-13-01&to=2026-03-08"),
                "'from' is not a date (YYYY-MM-DD): 2026-13-01");
        assertError(manager.get("/analytics/data/trend?brand=" + set().brand() + "&period=custom&from=2026-03-08"),
                "A custom period needs 'to' as a date");
        assertError(manager.get("/analytics/data/trend?brand=" + set().brand() + "&period=custom&from=2026-03-08&to=2026-03-01"),
                "The period ends (2026-03-01) before it starts (2026-03-08)");
        assertError(manager.get("/analytics/data/heatmap?brand=" + set().brand() + "&period=custom&from=2020-01-01&to=2026-01-01"),
                "at most 366 days");
        assertError(manager.get("/analytics/data/kpis?brand=acme"), "'brand' must be a brand id (a number), not 'acme'");
        assertError(manager.get("/analytics/data/top?sort=likes&" + set().query()), "Unknown sort 'likes'");
        assertThat(manager.get("/analytics/data/kpis?brand=987654321").statusCode()).isEqualTo(404);

        Response csv = manager.get("/analytics/export.csv?report=everything&" + set().query());
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body().asString()).contains("Unknown report 'everything': choose one of kpis, trend, top");

        Response page = manager.get("/analytics?brand=" + set().brand() + "&period=custom&from=yesterday&to=2026-03-08");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(page.body().asString()).select(".form-error").text())
                .isEqualTo("'from' is not a date (YYYY-MM-DD): yesterday");
    }

    @Test
    void aBrandWithoutPublishedPostsSaysWhatToDo() {
        long empty = CalendarFixture.brand("America/New_York");
        CalendarFixture.Member manager = CalendarFixture.member(empty, Role.MANAGER);
        Document page = manager.session().page("/analytics?brand=" + empty);
        assertThat(page.select("#no-posts").text())
                .isEqualTo("No published posts in this period: schedule content on the calendar, or choose a longer period above.");
        assertThat(page.select("#no-posts a").attr("href")).isEqualTo("/calendar");
        assertThat(tile(page, "views")).startsWith("Views no data");
        assertThat(tile(page, "posts")).startsWith("Posts published 0");
        assertThat(page.select("#analytics-scope").text()).contains("(28 days, America/New_York)");
        assertThat(page.select("#trend-figure .empty").text()).startsWith("No metrics for this period yet");
    }

    private static String tile(Document page, String key) {
        return page.select(".kpi[data-kpi=" + key + "]").text();
    }

    /** Each row as "Content/PLATFORM" by the data set's names. */
    private static List<String> rows(JsonPath top) {
        List<String> titles = top.getList("rows.title");
        List<String> platforms = top.getList("rows.platform");
        return java.util.stream.IntStream.range(0, titles.size())
                .mapToObj(i -> titles.get(i).replace(" " + set().tag(), "") + "/" + platforms.get(i)).toList();
    }

    private static void assertError(Response response, String message) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error")).contains(message);
    }
}
