package app.herald.account;

import app.herald.web.WebSession;

/** The demo accounts the test profile seeds, signed in through the real login form. */
public final class DemoUsers {

    public static final String PASSWORD = LoginResource.DEMO_PASSWORD;

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
}
