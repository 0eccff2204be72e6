package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Who may open and post to which governance route: anonymous and each demo role. */
@QuarkusTest
class GovernanceRouteAccessTest {

    private static final int LOGIN = DemoUsers.LOGIN;
    private static final List<Integer> READ = List.of(LOGIN, 200, 200, 200, 200);
    private static final List<Integer> CHANGE = List.of(LOGIN, 403, 200, 403, 200);

    @Test
    void eachVisitorGetsTheExpectedAnswer() {
        long brand = GovernanceFixture.northwind();
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Access"), "terms", "forbidden"));
        Map<String, List<Integer>> routes = Map.of(
                "/governance/rules", READ,
                "/governance/rules?brand=" + brand, READ,
                "/governance/rules/" + rule, READ,
                "/governance/tester", READ,
                "/governance/tester?brand=" + brand, READ,
                "/governance/rules/new", CHANGE,
                "/governance/rules/new?brand=" + brand + "&kind=REGEX", CHANGE,
                "/governance/rules/" + rule + "/edit", CHANGE,
                "/governance/rules/" + rule + "/deactivate", CHANGE);
        routes.forEach(DemoUsers::assertEachVisitorGets);
    }

    @Test
    void marketersAndManagersCannotPostChanges() {
        long brand = GovernanceFixture.northwind();
        String name = GovernanceFixture.unique("Read only");
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM", Map.of("name", name, "terms", "x1"));
        long inactive = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Inactive"), "terms", "x2"));
        DemoUsers.reviewer().submit("/", "/governance/rules/" + inactive + "/deactivate", Map.of());
        int ruleSetVersion = GovernanceFixture.ruleSetVersion(brand);

        for (WebSession readOnly : List.of(DemoUsers.marketer(), DemoUsers.manager())) {
            String refusedName = GovernanceFixture.unique("Refused");
            assertThat(GovernanceFixture.post(readOnly, brand, "BANNED_TERM", Map.of("name", refusedName, "terms", "y"))
                    .statusCode()).isEqualTo(403);
            assertThat(readOnly.submit("/", "/governance/rules/" + rule + "/edit", Map.of("name", "Renamed",
                    "severity", "WARN", "terms", "y", "baseVersion", 1)).statusCode()).isEqualTo(403);
            assertThat(readOnly.submit("/", "/governance/rules/" + rule + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
            assertThat(readOnly.submit("/", "/governance/rules/" + inactive + "/reactivate", Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(GovernanceFixture.versionsNamed(refusedName)).isZero();
        }
        assertThat(GovernanceFixture.versions(rule)).containsExactly(1);
        assertThat(GovernanceFixture.rule(rule).active).isTrue();
        assertThat(GovernanceFixture.rule(inactive).active).isFalse();
        assertThat(GovernanceFixture.ruleSetVersion(brand)).isEqualTo(ruleSetVersion);
    }

    @Test
    void changeButtonsAreShownOnlyToReviewersAndAdmins() {
        long brand = GovernanceFixture.northwind();
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Buttons"), "terms", "z"));
        String detail = "/governance/rules/" + rule;

        for (WebSession readOnly : List.of(DemoUsers.marketer(), DemoUsers.manager())) {
            assertThat(readOnly.page("/governance/rules").select("a[href^=/governance/rules/new]")).isEmpty();
            Document page = readOnly.page(detail);
            assertThat(page.select("a[href=" + detail + "/edit], a[href=" + detail + "/deactivate]")).isEmpty();
        }
        for (WebSession editor : List.of(DemoUsers.reviewer(), DemoUsers.admin())) {
            assertThat(editor.page("/governance/rules").select("a[href^=/governance/rules/new]").text()).contains("New rule");
            Document page = editor.page(detail);
            assertThat(page.select("a[href=" + detail + "/edit]").text()).isEqualTo("Edit");
            assertThat(page.select("a[href=" + detail + "/deactivate]").text()).isEqualTo("Deactivate…");
        }
    }

    @Test
    void everyoneMayUseTheTester() {
        long brand = GovernanceFixture.northwind();
        for (WebSession visitor : List.of(DemoUsers.marketer(), DemoUsers.reviewer(), DemoUsers.manager(), DemoUsers.admin())) {
            Response checked = visitor.submit("/governance/tester", "/governance/tester",
                    Map.of("brand", brand, "platforms", List.of("TIKTOK"), "title", "Hello", "description", ""));
            assertThat(checked.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void governanceIsAvailableInTheNavigation() {
        Document home = DemoUsers.marketer().page("/");
        assertThat(home.select(".mainnav a[href=/governance/rules]").text()).isEqualTo("Governance");
        assertThat(DemoUsers.marketer().page("/governance/tester").select(".mainnav [aria-current=page]").text())
                .isEqualTo("Governance");
    }
}
