package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.system.HeraldConfig;
import app.herald.web.WebSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    @Test
    void formLoginSetsSessionCookieAndShowsTheUsersDashboard() {
        WebSession session = WebSession.anonymous();
        Response login = session.login("marketer", DemoUsers.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/");
        assertThat(login.getCookie("herald-session")).isNotBlank();
        Document home = session.page("/");
        assertThat(home.select("h1").text()).isEqualTo("Welcome, Marketer (demo)");
        assertThat(home.select(".signed-in .who").text()).isEqualTo("Marketer (demo)");
    }

    @Test
    void wrongPasswordIsRefusedWithAGenericMessage() {
        WebSession session = WebSession.anonymous();
        Response login = session.login("reviewer", "not-the-password");

        assertThat(login.header("Location")).endsWith("/login?error=true");
        Document page = session.page("/login?error=true");
        assertThat(page.select(".form-error").text()).startsWith("Sign-in failed. Check your user name and password.");
        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void unknownUserGetsTheSameMessageAsAWrongPassword() {
        WebSession session = WebSession.anonymous();
        assertThat(session.login("nobody-" + UUID.randomUUID(), "whatever-password").header("Location"))
                .endsWith("/login?error=true");
    }

    @Test
    void repeatedFailuresPauseTheUserNameEvenWithTheRightPassword() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "T",
                "password", "correct-horse-battery", "roles", List.of("MARKETER")));
        for (int i = 0; i < 5; i++) {
            assertThat(WebSession.anonymous().login(name, "wrong-" + i).header("Location")).contains("error");
        }
        Response afterPause = WebSession.anonymous().login(name, "correct-horse-battery");
        assertThat(afterPause.header("Location")).endsWith("/login?error=true");
    }

    @Test
    void deactivatedUserCannotSignInAndAnOpenSessionEnds() {
        String name = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession admin = DemoUsers.admin();
        admin.submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "Leaver",
                "password", "leaver-password-1", "roles", List.of("MARKETER")));
        WebSession leaver = WebSession.signIn(name, "leaver-password-1");
        assertThat(leaver.get("/").statusCode()).isEqualTo(200);
        long id = AccountsFixture.idOf(name);

        Response deactivated = admin.submit("/admin/users/" + id + "/deactivate", "/admin/users/" + id + "/deactivate", Map.of());
        assertThat(deactivated.statusCode()).isEqualTo(303);

        Response openSession = leaver.get("/");
        assertThat(openSession.statusCode()).isEqualTo(302);
        assertThat(openSession.header("Location")).contains("/login");
        assertThat(WebSession.anonymous().login(name, "leaver-password-1").header("Location")).endsWith("/login?error=true");
    }

    @Test
    void deactivationWrittenByAnotherInstanceRefusesSignInAtOnceAndEndsOpenSessionsWithinTheCacheTtl() throws Exception {
        String name = "remote-leaver-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "Remote Leaver",
                "password", "leaver-password-1", "roles", List.of("MARKETER")));
        WebSession leaver = WebSession.signIn(name, "leaver-password-1");
        assertThat(leaver.get("/").statusCode()).isEqualTo(200);
        Duration ttl = Arc.container().instance(HeraldConfig.class).get().cacheTtl();

        // Plain JDBC, as another instance's write would arrive: this instance's Hibernate never sees it.
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement update = connection.prepareStatement("update app_user set active = false where username = ?")) {
            update.setString(1, name);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        long deactivated = System.nanoTime();
        // A new sign-in reads the account afresh: refused at once.
        assertThat(WebSession.anonymous().login(name, "leaver-password-1").header("Location")).endsWith("/login?error=true");

        Awaitility.await().atMost(ttl.plusSeconds(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> leaver.get("/").statusCode() == 302);
        assertThat(Duration.ofNanos(System.nanoTime() - deactivated)).isLessThan(ttl.plusSeconds(3));
        assertThat(leaver.get("/").header("Location")).contains("/login");
    }

    @Test
    void signOutEndsTheSession() {
        WebSession session = DemoUsers.manager();
        Response logout = session.submit("/", "/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).endsWith("/login?signedOut=true");
        assertThat(session.get("/").header("Location")).contains("/login");
    }

    @Test
    void loginPageNamesTheDemoAccountsInDemoMode() {
        Document page = WebSession.anonymous().page("/login");
        assertThat(page.select(".demo-note").text()).contains("demo accounts", "herald-demo", "admin", "marketer",
                "reviewer", "manager");
        assertThat(page.select("form[action=/j_security_check] input[name=j_username]")).hasSize(1);
    }
}
