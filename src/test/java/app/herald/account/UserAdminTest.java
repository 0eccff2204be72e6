package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class UserAdminTest {

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignInWithThoseRoles() {
        String name = uniqueName("newbie");
        WebSession admin = DemoUsers.admin();
        Response created = admin.submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "New Bie",
                "password", "a-long-password", "roles", List.of("REVIEWER", "MANAGER")));

        assertThat(created.statusCode()).isEqualTo(303);
        Document list = admin.page("/admin/users");
        assertThat(list.select(".flash-success").text()).isEqualTo("User " + name + " created.");
        assertThat(list.select("tr:has(code:containsOwn(" + name + ")) td").eachText()).contains("New Bie", "Reviewer, Manager");
        Document home = WebSession.signIn(name, "a-long-password").page("/");
        assertThat(home.select(".mainnav li").eachText()).contains("Review", "Analytics").doesNotContain("Admin");
    }

    @Test
    void refusedCreationKeepsTheEnteredValuesAndStoresNothing() {
        String name = uniqueName("short");
        Response refused = DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name,
                "displayName", "Kept Name", "password", "short", "roles", List.of("MANAGER")));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).isEqualTo("Password must be at least 10 characters.");
        assertThat(page.select("#username").val()).isEqualTo(name);
        assertThat(page.select("#displayName").val()).isEqualTo("Kept Name");
        assertThat(page.select("input[name=roles][value=MANAGER]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=roles][value=MARKETER]").hasAttr("checked")).isFalse();
        assertThat(AccountsFixture.load(name)).isNull();
    }

    @Test
    void duplicateAndMalformedUserNamesAreRefusedClearly() {
        WebSession admin = DemoUsers.admin();
        Response duplicate = admin.submit("/admin/users", "/admin/users", Map.of("username", "marketer",
                "password", "another-password", "roles", List.of("MARKETER")));
        assertThat(Jsoup.parse(duplicate.body().asString()).select(".form-error").text())
                .isEqualTo("A user named 'marketer' already exists.");

        Response malformed = admin.submit("/admin/users", "/admin/users", Map.of("username", "Bad Name!",
                "password", "another-password", "roles", List.of("MARKETER")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(malformed.body().asString()).select(".form-error").text()).startsWith("User name must be");

        Response noRole = admin.submit("/admin/users", "/admin/users", Map.of("username", uniqueName("norole"),
                "password", "another-password"));
        assertThat(Jsoup.parse(noRole.body().asString()).select(".form-error").text()).isEqualTo("Choose at least one role.");
    }

    @Test
    void markupInADisplayNameIsShownEscaped() {
        String name = uniqueName("xss");
        WebSession admin = DemoUsers.admin();
        admin.submit("/admin/users", "/admin/users", Map.of("username", name,
                "displayName", "<script>alert(1)</script>", "password", "a-long-password", "roles", List.of("MARKETER")));

        String html = admin.get("/admin/users").body().asString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void adminChangesRoles() {
        String name = uniqueName("promoted");
        WebSession admin = DemoUsers.admin();
        admin.submit("/admin/users", "/admin/users", Map.of("username", name, "password", "a-long-password",
                "roles", List.of("MARKETER")));
        long id = AccountsFixture.idOf(name);

        Response saved = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/roles",
                Map.of("roles", List.of("MARKETER", "REVIEWER")));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(AccountsFixture.load(name).roleSet()).containsExactlyInAnyOrder(Role.MARKETER, Role.REVIEWER);
        assertThat(admin.page("/admin/users/" + id).select(".flash-success").text()).contains("MARKETER, REVIEWER");
    }

    @Test
    void theLastActiveAdminCanNeitherBeDeactivatedNorLoseTheRole() {
        // The demo admin is the only admin in the test database, and another admin acts on it.
        String second = uniqueName("second-admin");
        WebSession admin = DemoUsers.admin();
        admin.submit("/admin/users", "/admin/users", Map.of("username", second, "password", "a-long-password",
                "roles", List.of("ADMIN")));
        WebSession secondAdmin = WebSession.signIn(second, "a-long-password");
        long secondId = AccountsFixture.idOf(second);
        long adminId = AccountsFixture.idOf("admin");
        // With two admins, one may be demoted; then the remaining one is the last.
        Response demoted = admin.submit("/admin/users/" + secondId, "/admin/users/" + secondId + "/roles",
                Map.of("roles", List.of("MARKETER")));
        assertThat(demoted.statusCode()).isEqualTo(303);

        Response deactivate = admin.submit("/", "/admin/users/" + adminId + "/deactivate", Map.of());
        assertThat(deactivate.statusCode()).isEqualTo(400);
        Response demote = admin.submit("/", "/admin/users/" + adminId + "/roles", Map.of("roles", List.of("MANAGER")));
        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(demote.body().asString()).select(".form-error").text())
                .isEqualTo("admin is the last active admin; make someone else an admin first.");
        assertThat(AccountsFixture.load("admin").isActiveAdmin()).isTrue();
        assertThat(secondAdmin.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void lastAdminRuleHoldsInTheServiceItself() {
        UserService service = io.quarkus.arc.Arc.container().instance(UserService.class).get();
        long adminId = AccountsFixture.idOf("admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.deactivate(adminId))
                .isInstanceOf(AccountException.class)
                .hasMessage("admin is the last active admin and cannot be deactivated; make someone else an admin first.");
    }

    @Test
    void deactivationAsksForConfirmationFirst() {
        long marketer = AccountsFixture.idOf("marketer");
        Document confirm = DemoUsers.admin().page("/admin/users/" + marketer + "/deactivate");
        assertThat(confirm.select("h1").text()).isEqualTo("Deactivate Marketer (demo)?");
        assertThat(confirm.select("form[action=/admin/users/" + marketer + "/deactivate] button").text()).isEqualTo("Deactivate");
        assertThat(AccountsFixture.load("marketer").active).isTrue();
    }

    @Test
    void reactivatedUserCanSignInAgain() {
        String name = uniqueName("returning");
        WebSession admin = DemoUsers.admin();
        admin.submit("/admin/users", "/admin/users", Map.of("username", name, "password", "a-long-password",
                "roles", List.of("MARKETER")));
        long id = AccountsFixture.idOf(name);
        admin.submit("/admin/users/" + id + "/deactivate", "/admin/users/" + id + "/deactivate", Map.of());
        assertThat(AccountsFixture.load(name).active).isFalse();

        admin.submit("/admin/users/" + id, "/admin/users/" + id + "/reactivate", Map.of());

        assertThat(WebSession.signIn(name, "a-long-password").get("/").statusCode()).isEqualTo(200);
    }
}
