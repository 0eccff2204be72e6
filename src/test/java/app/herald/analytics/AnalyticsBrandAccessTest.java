package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.analytics.AnalyticsFixture.DataSet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A manager of one brand sees nothing of another brand's analytics: not in the page, the JSON nor the CSV. */
@QuarkusTest
class AnalyticsBrandAccessTest {

    private static final List<String> ADDRESSES = List.of("/analytics", "/analytics/data/kpis", "/analytics/data/trend",
            "/analytics/data/top", "/analytics/data/compare", "/analytics/data/strategies", "/analytics/data/heatmap",
            "/analytics/export.csv?report=top&", "/analytics/export.csv?report=heatmap&", "/analytics/report",
            "/analytics/report.pdf");

    @Test
    void aManagerOfBrandASeesNothingOfBrandB() {
        DataSet a = AnalyticsFixture.create();
        DataSet b = AnalyticsFixture.create();
        List<String> secrets = List.of(b.brandName(), b.title("Alpha"), b.title("Bravo"), b.title("Delta"));

        Document own = a.manager().session().page("/analytics?" + AnalyticsFixture.PERIOD);
        assertThat(own.select("select[name=brand] option").eachText()).containsExactly(a.brandName());
        assertThat(own.text()).contains(a.title("Alpha"));
        secrets.forEach(secret -> assertThat(own.html()).doesNotContain(secret));

        for (String address : ADDRESSES) {
            String path = address + (address.endsWith("&") ? "" : "?") + b.query();
            Response response = a.manager().session().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            String body = response.body().asString();
            secrets.forEach(secret -> assertThat(body).as(path).doesNotContain(secret));

            Response insider = b.manager().session().get(path);
            assertThat(insider.statusCode()).as("the same address for brand B's manager: " + path).isEqualTo(200);
            if (address.contains("top") || address.contains("compare") || address.equals("/analytics")
                    || address.equals("/analytics/report")) {
                assertThat(insider.body().asString()).as(path).contains(b.title("Alpha"));
            }
        }
    }

    @Test
    void anAdminChoosesAmongEveryBrand() {
        DataSet a = AnalyticsFixture.create();
        Document page = DemoUsers.admin().page("/analytics?" + a.query());
        assertThat(page.select("select[name=brand] option").eachText()).contains(a.brandName());
        assertThat(page.select("select[name=brand] option[selected]").text()).isEqualTo(a.brandName());
        assertThat(page.select("table.top-content tbody tr")).hasSize(8);
    }
}
