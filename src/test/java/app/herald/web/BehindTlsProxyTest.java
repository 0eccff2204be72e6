package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Herald as production runs it, behind a TLS-terminating proxy: the {@code %prod} proxy settings of
 * application.properties, read from that file so this test follows any change to them.
 */
@QuarkusTest
@TestProfile(BehindTlsProxyTest.ProductionProxy.class)
class BehindTlsProxyTest {

    /** The test profile plus every {@code %prod.quarkus.http.proxy.*} key, and a small per-address sign-in limit. */
    public static class ProductionProxy implements QuarkusTestProfile {
        static final int ADDRESS_LIMIT = 3;

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(settings());
            overrides.put("herald.login.max-failures-per-address", String.valueOf(ADDRESS_LIMIT));
            return overrides;
        }

        /** Every {@code %prod.quarkus.http.proxy.*} key of application.properties, without its profile prefix. */
        static Map<String, String> settings() {
            Properties properties = new Properties();
            try (InputStream in = ProductionProxy.class.getResourceAsStream("/application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> settings = new HashMap<>();
            properties.stringPropertyNames().stream().filter(key -> key.startsWith("%prod.quarkus.http.proxy."))
                    .forEach(key -> settings.put(key.substring("%prod.".length()), properties.getProperty(key)));
            if (settings.isEmpty()) {
                throw new IllegalStateException("application.properties has no %prod proxy settings");
            }
            return settings;
        }
    }

    /** A browser reaching Herald through the proxy over https, from {@code clientAddress}. */
    private static WebSession viaHttps(String clientAddress) {
        return WebSession.throughProxy(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", clientAddress));
    }

    /**
     * Quarkus reads a bare IPv6 address ({@code ::1}) or a name as "host:port" and looks it up in DNS on every
     * request; where DNS does not answer, every few seconds a request waited 5 s for it (found by bench/pages.sh).
     */
    @Test
    void everyDefaultTrustedProxyIsAnAddressOrRangeSoNoRequestWaitsForDns() {
        String configured = ProductionProxy.settings().get("quarkus.http.proxy.trusted-proxies");
        String defaults = configured.replaceFirst("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        assertThat(defaults.split(",")).isNotEmpty().allSatisfy(entry -> assertThat(entry.trim())
                .as("trusted proxy '%s' is an IPv4 address or range, or an IPv6 range", entry)
                .matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9A-Fa-f:]+/\\d{1,3}"));
    }

    @Test
    void overHttpsEveryCookieIsSecureAndHstsIsSent() {
        WebSession browser = viaHttps("203.0.113.10");

        Response signIn = browser.login("admin", DemoUsers.PASSWORD);
        Response page = browser.get("/admin/users");
        Response flashing = browser.submit("/admin/users", "/admin/users", Map.of("username",
                "proxied-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "P",
                "password", "a-long-password", "roles", List.of("MARKETER")));

        assertThat(signIn.header("Location")).startsWith("https://").doesNotContain("error");
        assertThat(flashing.statusCode()).isEqualTo(303);
        List<Cookie> cookies = List.of(signIn.getDetailedCookie("herald-session"), page.getDetailedCookie("herald-csrf"),
                flashing.getDetailedCookie("herald-flash"));
        assertThat(cookies).allSatisfy(cookie -> {
            assertThat(cookie).as("cookie set").isNotNull();
            assertThat(cookie.isSecured()).as(cookie.getName()).isTrue();
            assertThat(cookie.isHttpOnly()).as(cookie.getName()).isTrue();
        });
        for (Response response : List.of(signIn, page, flashing, browser.get("/css/herald.css"))) {
            assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
            SecurityHeadersTest.assertHardened("via https", response);
        }
    }

    @Test
    void overPlainHttpNoCookieIsSecureAndNoHstsIsSent() {
        WebSession browser = WebSession.anonymous();
        Response signIn = browser.login("admin", DemoUsers.PASSWORD);
        Response page = browser.get("/admin/users");

        assertThat(signIn.getDetailedCookie("herald-session").isSecured()).isFalse();
        assertThat(page.getDetailedCookie("herald-csrf").isSecured()).isFalse();
        assertThat(page.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void anAddressThatFailsTooOftenIsPausedForEveryNameWhileOthersSignIn() {
        String attacker = "198.51.100.66";
        for (int i = 0; i < ProductionProxy.ADDRESS_LIMIT; i++) {
            Response failed = viaHttps(attacker).login("guess-" + i + "-" + UUID.randomUUID(), "pw");
            assertThat(failed.header("Location")).endsWith("/login?error=true");
        }

        Response paused = viaHttps(attacker).login("reviewer", DemoUsers.PASSWORD);
        Response elsewhere = viaHttps("198.51.100.67").login("reviewer", DemoUsers.PASSWORD);

        assertThat(paused.header("Location")).as("right password, paused address").endsWith("/login?error=true");
        assertThat(elsewhere.header("Location")).as("same account, another address").doesNotContain("error");
    }
}
