package app.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.governance.GovernanceFixture;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Who reads which audit rows: admins all of them, reviewers and managers their own brands' rows only. */
@QuarkusTest
class AuditScopeTest {

    @Inject
    EntityManager em;

    @Test
    void rowsRecordTheBrandOfTheirSubject() {
        long own = GovernanceFixture.northwind();
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), own, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Scoped rule"), "terms", "scoped"));
        long content = ContentFixture.submitted(DemoUsers.marketer(), "Scoped content");

        assertThat(brandsOf("RULE", rule)).containsOnly(own);
        assertThat(brandsOf("CONTENT", content)).isNotEmpty().containsOnly(ContentFixture.brandId());
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from audit_entry where subject_type = 'USER' and brand_id is not null")
                .getSingleResult())).isEqualTo(0L);
    }

    @Test
    void reviewerAndManagerSeeTheirBrandsRowsButNotOtherBrandsNorAccounts() {
        long own = GovernanceFixture.northwind();
        long other = GovernanceFixture.newBrand();
        String ownRule = GovernanceFixture.unique("Own brand rule");
        String otherRule = GovernanceFixture.unique("Other brand rule");
        long ownId = GovernanceFixture.create(DemoUsers.reviewer(), own, "BANNED_TERM", Map.of("name", ownRule, "terms", "a"));
        long otherId = GovernanceFixture.create(DemoUsers.admin(), other, "BANNED_TERM", Map.of("name", otherRule, "terms", "b"));
        WebSession.anonymous().login("ghost-" + UUID.randomUUID(), "wrong-password");

        for (WebSession viewer : List.of(DemoUsers.reviewer(), DemoUsers.manager())) {
            assertThat(viewer.page("/audit?subjectType=RULE&subjectId=" + ownId).select("tbody").text()).contains(ownRule);
            assertThat(viewer.page("/audit?subjectType=RULE&subjectId=" + otherId).select(".empty").text())
                    .isEqualTo("No audit entries match this filter.");
            for (String action : List.of("SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED", "USER_CREATED")) {
                assertThat(viewer.page("/audit?action=" + action).select("tbody tr")).as(action).isEmpty();
            }
            Document page = viewer.page("/audit");
            assertThat(page.select("tbody tr td:nth-child(4)").eachText()).noneMatch(subject -> subject.startsWith("user"));
            assertThat(page.select("select[name=action] option").eachAttr("value")).contains("RULE_CREATED")
                    .doesNotContain("SIGN_IN_FAILED", "USER_CREATED");
            assertThat(page.select("select[name=subjectType] option").eachAttr("value")).contains("RULE")
                    .doesNotContain("USER");

            String csv = viewer.get("/audit.csv").body().asString();
            assertThat(csv).contains(ownRule).doesNotContain(otherRule);
            assertThat(csv.lines().skip(1)).isNotEmpty().noneMatch(line -> line.contains(",SIGN_IN_")
                    || line.contains(",USER_"));
        }
    }

    @Test
    void adminSeesEveryBrandAndTheAccountRows() {
        long other = GovernanceFixture.newBrand();
        String otherRule = GovernanceFixture.unique("Admin-visible rule");
        long otherId = GovernanceFixture.create(DemoUsers.admin(), other, "BANNED_TERM", Map.of("name", otherRule, "terms", "c"));
        WebSession admin = DemoUsers.admin();

        assertThat(admin.page("/audit?subjectType=RULE&subjectId=" + otherId).select("tbody").text()).contains(otherRule);
        assertThat(admin.page("/audit?action=SIGN_IN_SUCCEEDED&actor=admin").select("tbody tr")).isNotEmpty();
        assertThat(admin.page("/audit").select("select[name=action] option").eachAttr("value")).contains("SIGN_IN_FAILED");
        assertThat(admin.get("/audit.csv?subjectType=RULE&subjectId=" + otherId).body().asString()).contains(otherRule);
    }

    @Test
    void csvOfManyRowsStreamsEveryRowOnceInOrder() {
        String actor = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        int rows = 2 * AuditResource.CSV_BATCH + 7;
        // All rows share one timestamp, so the batches' boundaries fall inside ties and must break them by id.
        // A subject type of their own, so these ids never collide with real content ids other tests read the trail of.
        long brand = GovernanceFixture.northwind();
        String values = IntStream.rangeClosed(1, rows)
                .mapToObj(n -> "(@at, ?1, 'COMMENT_ADDED', 'BULK_TEST', " + n + ", 'bulk row " + n + "', ?2)")
                .collect(Collectors.joining(", "));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("set @at = utc_timestamp(6)").executeUpdate();
            em.createNativeQuery("insert into audit_entry (occurred_at, actor, action, subject_type, subject_id,"
                    + " subject_label, brand_id) values " + values).setParameter(1, actor).setParameter(2, brand)
                    .executeUpdate();
        });

        Response csv = DemoUsers.reviewer().get("/audit.csv?actor=" + actor);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(csv.header("Content-Length")).isNull();
        List<String> lines = csv.body().asString().lines().skip(1).toList();
        assertThat(lines).hasSize(rows).doesNotHaveDuplicates();
        List<Integer> subjects = lines.stream().map(line -> Integer.parseInt(line.split(",")[4])).toList();
        assertThat(subjects).as("newest (highest id) first").isSortedAccordingTo((a, b) -> b - a);
        assertThat(subjects.get(0)).isEqualTo(rows);
        assertThat(subjects.get(rows - 1)).isEqualTo(1);
    }

    private List<Long> brandsOf(String subjectType, long subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry>list("subjectType = ?1 and subjectId = ?2", subjectType, subjectId).stream()
                .map(entry -> entry.brandId).toList());
    }
}
