package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import app.herald.account.DemoUsers;
import app.herald.analytics.AnalyticsFixture.DataSet;
import app.herald.web.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The analytics page in a real browser (Debian's Chromium) under Herald's Content-Security-Policy: every chart is
 * drawn (its canvas has painted pixels), its table view holds exactly the numbers of its JSON endpoint, the
 * chart/table toggle works from the keyboard, and the page raises no policy violation.
 */
@QuarkusTest
class AnalyticsBrowserTest {

    private static final List<String> CHARTS = List.of("trend", "top", "compare", "strategies");

    /** Painted (non-transparent) pixels of a canvas. */
    private static final String PAINTED = "id => { const c = document.getElementById(id);"
            + " const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + " for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } } return n; }";

    /** The table view of a chart: its row labels and each cell's raw value (null when the cell has none). */
    private static final String TABLE = "report => { const t = document.querySelector('table[data-chart-table=' + report + ']');"
            + " return { labels: [...t.querySelectorAll('tbody th')].map(th => th.textContent.trim()),"
            + " values: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.querySelectorAll('td')]"
            + ".map(td => td.dataset.value === '' ? null : Number(td.dataset.value))) }; }";

    /** The chart of a JSON endpoint, as the page's script reads it. */
    private static final String JSON = "async url => { const r = await fetch(url); const body = await r.json();"
            + " return { labels: body.chart.labels, values: body.chart.labels.map((label, row) =>"
            + " body.chart.datasets.map(set => set.data[row] === null ? null : Number(set.data[row]))) }; }";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void everyChartIsDrawnAndItsTableMatchesItsJson() {
        DataSet set = AnalyticsFixture.create();
        try (Page page = chromium.browser().newPage()) {
            List<String> refusals = Chromium.recordCspRefusals(page);
            Chromium.signIn(page, base, set.manager().username(), DemoUsers.PASSWORD);
            page.navigate(base + "analytics?" + set.query());

            for (String chart : CHARTS) {
                Locator canvas = page.locator("#" + chart + "-canvas");
                PlaywrightAssertions.assertThat(canvas).hasAttribute("data-drawn", "true");
                PlaywrightAssertions.assertThat(canvas).isVisible();
                assertThat(((Number) page.evaluate(PAINTED, chart + "-canvas")).intValue()).as(chart + " painted pixels")
                        .isGreaterThan(500);

                Map<String, Object> table = (Map<String, Object>) page.evaluate(TABLE, chart);
                String source = canvas.getAttribute("data-chart-src");
                Map<String, Object> json = (Map<String, Object>) page.evaluate(JSON, source);
                assertThat((List<Object>) table.get("labels")).as(chart + " rows").isNotEmpty()
                        .isEqualTo(json.get("labels"));
                assertThat(numbers((List<Object>) table.get("values"))).as(chart + " values")
                        .isEqualTo(numbers((List<Object>) json.get("values")));
            }

            // The toggle is a real button: Enter shows the table, again the chart.
            Locator toggle = page.locator("#trend-figure .chart-toggle");
            PlaywrightAssertions.assertThat(page.locator("#trend-table")).isHidden();
            toggle.focus();
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.locator("#trend-table")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#trend-canvas")).isHidden();
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-pressed", "true");
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.locator("#trend-canvas")).isVisible();

            assertThat((List<String>) page.evaluate("() => window.__violations")).isEmpty();
            assertThat(refusals).isEmpty();
        }
    }

    /** Rows of numbers compared as doubles (JSON integers and table numbers alike), nulls kept. */
    private static List<List<Double>> numbers(List<Object> rows) {
        List<List<Double>> result = new ArrayList<>();
        for (Object row : rows) {
            List<Double> cells = new ArrayList<>();
            for (Object cell : (List<Object>) row) {
                cells.add(cell == null ? null : ((Number) cell).doubleValue());
            }
            result.add(cells);
        }
        return result;
    }
}
