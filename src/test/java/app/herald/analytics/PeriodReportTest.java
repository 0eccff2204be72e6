package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.analytics.AnalyticsFixture.DataSet;
import app.herald.calendar.CalendarFixture.Member;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The printable period report and its PDF on the fixed data set of {@link AnalyticsFixture}: the same KPI numbers,
 * trend and top content as the dashboard for the same filters, the period and zone stated, bad filters refused.
 */
@QuarkusTest
class PeriodReportTest {

    private static DataSet set;

    private static synchronized DataSet set() {
        if (set == null) {
            set = AnalyticsFixture.create();
        }
        return set;
    }

    @Test
    void thePrintablePageShowsTheDashboardsTilesTrendAndTopContent() {
        Document dashboard = set().manager().session().page("/analytics?" + set().query());
        Document report = set().manager().session().page("/analytics/report?" + set().query());

        assertThat(report.select(".kpi").eachText()).hasSize(5).isEqualTo(dashboard.select(".kpi").eachText());
        assertThat(report.select(".kpi[data-kpi=views]").text()).isEqualTo("Views 10k +25.0% previous period: 8k");
        assertThat(report.select("#report-scope").text()).contains("2026-03-02 – 2026-03-08 (7 days, Europe/Berlin)",
                "2026-02-23 – 2026-03-01", "Europe/Berlin");
        assertThat(report.select("table.report-trend tbody tr").eachText())
                .isEqualTo(dashboard.select("table[data-chart-table=trend] tbody tr").eachText())
                .contains("2026-03-03 no data no data not available on Facebook Reels");
        assertThat(report.select("table.top-content tbody tr").eachText())
                .isEqualTo(dashboard.select("table.top-content tbody tr").eachText());
        assertThat(report.select("table.top-content tbody tr").get(0).text()).contains(set().title("Alpha"), "TikTok", "5k");
        // One sparkline per platform with numbers: YouTube 3k (03-02) + 4k (03-05, day 4 of 7), TikTok 2.5k, Facebook 500.
        assertThat(report.select(".sparklines li").eachText()).containsExactly("YouTube Shorts: 7k views",
                "TikTok: 2.5k views", "Facebook Reels: 500 views");
        assertThat(report.select("svg.sparkline polyline").first().attr("points")).isEqualTo("0.0,8.0 80.0,0.0");
        assertThat(report.select("script:not([src])")).isEmpty();
        assertThat(report.select(".report-actions a[href^=/analytics/report.pdf]").attr("href"))
                .isEqualTo("/analytics/report.pdf?" + set().query() + "&sort=views");
        assertThat(dashboard.select(".report-links a").eachAttr("href")).contains(
                "/analytics/report?" + set().query() + "&sort=views", "/analytics/report.pdf?" + set().query() + "&sort=views");
    }

    @Test
    void thePdfHoldsTheSameKpiNumbersAsTheDashboardsJson() throws IOException {
        JsonPath kpis = set().manager().session().get("/analytics/data/kpis?" + set().query()).jsonPath();
        Response response = set().manager().session().get("/analytics/report.pdf?" + set().query());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        String name = set().brandName().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"herald-report-" + name + "-2026-03-02-2026-03-08.pdf\"");
        String text = pdfText(response);
        for (int i = 0; i < 5; i++) {
            String line = kpis.getString("kpis[" + i + "].label") + " " + kpis.getString("kpis[" + i + "].currentText") + " "
                    + kpis.getString("kpis[" + i + "].delta") + " previous period: " + kpis.getString("kpis[" + i + "].previousText");
            assertThat(text).contains(line);
        }
        assertThat(text).contains("Views 10k +25.0% previous period: 8k", "Followers gained 30 −25.0% previous period: 40",
                "Period report: " + set().brandName(), "2026-03-02 – 2026-03-08 (7 days, Europe/Berlin)",
                "2026-03-03 no data no data not available on Facebook Reels", set().title("Delta"));
        assertThat(text.indexOf(set().title("Alpha"))).isLessThan(text.indexOf(set().title("Echo")));
    }

    @Test
    void aMarketersReportHoldsOnlyTheirOwnContentsNumbers() throws IOException {
        Member owner1 = set().owner1();
        JsonPath kpis = owner1.session().get("/analytics/data/kpis?" + set().query()).jsonPath();
        String text = pdfText(owner1.session().get("/analytics/report.pdf?" + set().query()));

        assertThat(text).contains("Only the content you created is counted.",
                "Views " + kpis.getString("kpis[0].currentText") + " " + kpis.getString("kpis[0].delta"),
                set().title("Alpha"), set().title("Delta"));
        assertThat(text).doesNotContain(set().title("Bravo"), set().title("Charlie"));
        Document page = owner1.session().page("/analytics/report?" + set().query());
        assertThat(page.select(".kpi").eachText())
                .isEqualTo(owner1.session().page("/analytics?" + set().query()).select(".kpi").eachText());
        assertThat(page.text()).doesNotContain(set().title("Bravo"));
    }

    @Test
    void badFiltersAreRefusedWithTheReason() {
        List<String[]> cases = List.of(
                new String[] { "brand=" + set().brand() + "&period=bogus", "Unknown period 'bogus'" },
                new String[] { "brand=" + set().brand() + "&period=custom&from=2026-03-02&to=tomorrow",
                        "'to' is not a date (YYYY-MM-DD): tomorrow" },
                new String[] { "brand=" + set().brand() + "&period=custom&from=2026-03-09&to=2026-03-02",
                        "ends (2026-03-02) before it starts" },
                new String[] { set().query() + "&sort=loudest", "Unknown sort 'loudest'" },
                new String[] { "brand=acme&period=7d", "'brand' must be a brand id" });
        for (String[] bad : cases) {
            Response page = set().manager().session().get("/analytics/report?" + bad[0]);
            assertThat(page.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Jsoup.parse(page.body().asString()).select(".form-error").text()).as(bad[0]).contains(bad[1]);

            Response pdf = set().manager().session().get("/analytics/report.pdf?" + bad[0]);
            assertThat(pdf.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(pdf.contentType()).startsWith("text/plain");
            assertThat(pdf.body().asString()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void anEmptyPeriodSaysSo() throws IOException {
        String empty = "brand=" + set().brand() + "&period=custom&from=2025-01-06&to=2025-01-12";
        Document page = set().manager().session().page("/analytics/report?" + empty);
        assertThat(page.select("#no-posts").text()).isEqualTo("No published posts in this period.");
        assertThat(page.select(".kpi[data-kpi=posts]").text()).startsWith("Posts published 0");
        assertThat(pdfText(set().manager().session().get("/analytics/report.pdf?" + empty)))
                .contains("No published posts in this period.", "No metrics for this period yet.");
    }

    static String pdfText(Response response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(pdf).replaceAll("[ \\t]+", " ");
        }
    }
}
