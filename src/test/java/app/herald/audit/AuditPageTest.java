package app.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AuditPageTest {

    private static String createUser(WebSession admin, String displayName) {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        admin.submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", displayName,
                "password", "a-long-password", "roles", List.of("MARKETER")));
        return name;
    }

    @Test
    void userChangesAppearFilteredByActionWithBothZones() {
        String name = createUser(DemoUsers.admin(), "Audited");

        Document page = DemoUsers.admin().page("/audit?action=USER_CREATED&actor=admin");

        assertThat(page.select("tbody tr").eachText()).anyMatch(row -> row.contains(name) && row.contains("User created"));
        assertThat(page.select("tbody tr td:nth-child(2)").eachText()).containsOnly("admin");
        assertThat(page.select("tbody tr td:first-child small").first().text()).endsWith("UTC");
        // The admin's zone is that of the first brand by name, which other tests' brands may change.
        assertThat(page.text()).containsPattern("Times in UTC and in [A-Za-z_]+(/[A-Za-z_]+)*\\.");
    }

    @Test
    void signInsAndFailuresAreRecorded() {
        String typed = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession.anonymous().login(typed, "wrong-password-x");
        DemoUsers.reviewer();

        Document failures = DemoUsers.admin().page("/audit?action=SIGN_IN_FAILED");
        Document successes = DemoUsers.admin().page("/audit?action=SIGN_IN_SUCCEEDED&actor=reviewer");

        assertThat(failures.select("tbody").text()).doesNotContain(typed).contains("unknown name #");
        assertThat(successes.select("tbody tr")).isNotEmpty();
    }

    @Test
    void csvExportsTheFilteredViewSafely() {
        String name = createUser(DemoUsers.admin(), "=HYPERLINK(\"http://evil\")");

        Response csv = DemoUsers.admin().get("/audit.csv?action=USER_CREATED");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("herald-audit.csv");
        String body = csv.body().asString();
        assertThat(body).startsWith("occurred_at_utc,actor,action,subject_type");
        assertThat(body.lines().skip(1)).allMatch(line -> line.contains(",USER_CREATED,"));
        assertThat(body).contains(name);
    }

    @Test
    void badDatesGiveAClearMessage() {
        Response response = DemoUsers.admin().get("/audit?from=yesterday");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().asString()).contains("&#39;yesterday&#39; is not a date like 2026-11-21.");
        Response reversed = DemoUsers.admin().get("/audit?from=2026-05-02&to=2026-05-01");
        assertThat(reversed.body().asString()).contains("The &#39;from&#39; date is after the &#39;to&#39; date.");
    }

    @Test
    void paginationSplitsLongLists() {
        WebSession admin = DemoUsers.admin();
        for (int i = 0; i < 3; i++) {
            createUser(admin, "Bulk " + i);
        }
        Document first = admin.page("/audit");
        assertThat(first.select("tbody tr")).hasSizeLessThanOrEqualTo(50);
        if (first.select("a[rel=next]").size() > 0) {
            Document second = admin.page("/audit?page=2");
            assertThat(second.select("tbody tr").first().text()).isNotEqualTo(first.select("tbody tr").first().text());
        }
    }
}
