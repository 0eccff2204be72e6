package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.herald.account.AccountsFixture;
import app.herald.account.DemoUsers;
import app.herald.channel.Channel;
import app.herald.channel.SandboxFailureMode;
import app.herald.content.ContentFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CsrfTest {

    @Test
    void postWithoutTokenIsRejectedAndChangesNothing() {
        WebSession admin = DemoUsers.admin();
        admin.get("/admin/users");

        Response forged = admin.submitWithoutToken("/admin/users", Map.of("username", "forged-user",
                "displayName", "Forged", "password", "forged-password-1", "roles", "ADMIN"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(AccountsFixture.load("forged-user")).isNull();
    }

    @Test
    void postWithAForeignTokenIsRejected() {
        WebSession admin = DemoUsers.admin();
        admin.get("/admin/users");
        long marketer = AccountsFixture.idOf("marketer");

        Response forged = admin.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "made-up-token").formParam("roles", "ADMIN")
                .post("/admin/users/" + marketer + "/roles");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(AccountsFixture.load("marketer").roles).isEqualTo("MARKETER");
    }

    @Test
    void signOutWithoutTokenIsRejected() {
        WebSession manager = DemoUsers.manager();
        assertThat(manager.submitWithoutToken("/logout", Map.of()).statusCode()).isEqualTo(400);
        assertThat(manager.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void everyStateChangingRouteRefusesAPostWithoutToken() {
        long content = ContentFixture.submitted(DemoUsers.marketer(), "CSRF target");
        long brand = ContentFixture.demoBrandId();
        long marketer = AccountsFixture.idOf("marketer");
        WebSession admin = DemoUsers.admin();
        admin.get("/");
        for (String route : List.of("/admin/users", "/admin/users/" + marketer + "/roles",
                "/admin/users/" + marketer + "/deactivate", "/admin/users/" + marketer + "/reactivate", "/brands",
                "/brands/" + brand, "/brands/" + brand + "/members", "/content", "/content/" + content,
                "/content/" + content + "/submit", "/content/" + content + "/comments", "/review/" + content + "/approve",
                "/review/" + content + "/request-changes", "/review/" + content + "/reject")) {
            assertThat(admin.submitWithoutToken(route, Map.of("comment", "forged", "name", "Forged brand",
                    "timezone", "UTC", "title", "Forged", "roles", "ADMIN")).statusCode()).as(route).isEqualTo(400);
        }
        assertThat(ContentFixture.load(content).state).isEqualTo(app.herald.content.ContentState.SUBMITTED);
        assertThat(AccountsFixture.load("marketer").active).isTrue();

        long channel = demoSandboxChannel();
        assertThat(admin.submitWithoutToken("/channels/" + channel + "/sandbox", Map.of("failureMode", "REVOKED_TOKEN"))
                .statusCode()).isEqualTo(400);
        assertThat(admin.submitWithoutToken("/profile/email", Map.of("email", "forged@example.org")).statusCode())
                .isEqualTo(400);
        // Without the box the forged form would turn the digest off.
        assertThat(admin.submitWithoutToken("/profile/digest", Map.of()).statusCode()).isEqualTo(400);
        for (String route : List.of("/channels/" + channel + "/disconnect", "/channels/oauth/facebook/pages/1")) {
            assertThat(admin.submitWithoutToken(route, Map.of("confirm", "true", "pageId", "1")).statusCode()).as(route)
                    .isEqualTo(400);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channel).sandboxFailureMode))
                .isEqualTo(SandboxFailureMode.NONE);
        assertThat(AccountsFixture.load("admin").email).isNull();
        assertThat(AccountsFixture.load("admin").weeklyDigest).isTrue();
    }

    private static long demoSandboxChannel() {
        return QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>find("sandbox = true order by id").firstResult().id);
    }

    @Test
    void everyFormOnAPageCarriesTheToken() {
        List<String> pages = List.of("/", "/admin/users", "/admin/users/" + AccountsFixture.idOf("marketer"),
                "/admin/users/" + AccountsFixture.idOf("marketer") + "/deactivate", "/channels/" + demoSandboxChannel(),
                "/profile");
        WebSession admin = DemoUsers.admin();
        for (String page : pages) {
            admin.page(page).select("form[method=post]").forEach(form ->
                    assertThat(form.select("input[name=csrf-token]").attr("value")).as(page).isNotBlank());
        }
        // A manager's profile has one more form: the weekly digest opt-out.
        var digestForm = DemoUsers.manager().page("/profile").select("form[action=/profile/digest]");
        assertThat(digestForm).hasSize(1);
        assertThat(digestForm.select("input[name=csrf-token]").attr("value")).isNotBlank();
    }

    @Test
    void theTokenEndpointKeepsAValidTokenRenewsAStaleOneAndIsForSignedInUsersOnly() {
        assertThat(WebSession.anonymous().get("/csrf-token").statusCode()).isEqualTo(DemoUsers.LOGIN);
        WebSession admin = DemoUsers.admin();
        String onPage = admin.csrfToken("/admin/users");

        Response kept = admin.request().header("X-CSRF-TOKEN", onPage).get("/csrf-token");
        assertThat(kept.contentType()).startsWith("text/plain");
        assertThat(kept.body().asString()).isEqualTo(onPage);

        Response renewed = admin.request().header("X-CSRF-TOKEN", "c3RhbGUtdG9rZW4").get("/csrf-token");
        assertThat(renewed.statusCode()).as("a stale token is refused, the script then asks without it").isEqualTo(400);
        String fresh = admin.get("/csrf-token").body().asString();
        assertThat(fresh).isNotBlank().isNotEqualTo(onPage);
        assertThat(admin.post("/admin/users/" + AccountsFixture.idOf("marketer") + "/reactivate", fresh, Map.of())
                .statusCode()).as("the fetched token posts").isEqualTo(303);
    }
}
