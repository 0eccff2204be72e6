package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.herald.web.WebSession;
import io.restassured.response.Response;

/** The demo accounts the test profile seeds, signed in through the real login form. */
public final class DemoUsers {

    public static final String PASSWORD = LoginResource.DEMO_PASSWORD;

    /** The status an anonymous visitor gets for a protected page: a redirect to the login page. */
    public static final int LOGIN = 302;

    private DemoUsers() {
    }

    public static WebSession admin() {
        return WebSession.signIn("admin", PASSWORD);
    }

    public static WebSession marketer() {
        return WebSession.signIn("marketer", PASSWORD);
    }

    public static WebSession reviewer() {
        return WebSession.signIn("reviewer", PASSWORD);
    }

    public static WebSession manager() {
        return WebSession.signIn("manager", PASSWORD);
    }

    /**
     * Opens {@code path} as anonymous, marketer, reviewer, manager and admin (in that order) and asserts each
     * status in {@code expected}; a {@link #LOGIN} answer must point at the login page.
     */
    public static void assertEachVisitorGets(String path, List<Integer> expected) {
        List<WebSession> visitors = List.of(WebSession.anonymous(), marketer(), reviewer(), manager(), admin());
        for (int i = 0; i < visitors.size(); i++) {
            Response response = visitors.get(i).get(path);
            assertThat(response.statusCode()).as("%s for visitor %d", path, i).isEqualTo(expected.get(i));
            if (expected.get(i) == LOGIN) {
                assertThat(response.header("Location")).endsWith("/login");
            }
        }
    }
}
