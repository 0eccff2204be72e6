package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The hardening headers on every kind of response, the inline-free markup the policy needs, and the signed CSRF cookie. */
@QuarkusTest
class SecurityHeadersTest {

    static final List<String> CSP_DIRECTIVES = List.of("default-src 'self'", "frame-ancestors 'none'",
            "form-action 'self'", "base-uri 'none'");

    /** Asserts the headers every response must carry; {@code what} names the response in failures. */
    static void assertHardened(String what, Response response) {
        assertThat(response.header("Content-Security-Policy")).as(what).isNotNull();
        assertThat(response.header("Content-Security-Policy").split(";\\s*")).as(what).contains(CSP_DIRECTIVES.toArray(String[]::new));
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    @Test
    void pagesErrorsStaticFilesAndRedirectsAllCarryTheHeadersButNoHstsOverPlainHttp() {
        WebSession marketer = DemoUsers.marketer();
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("page", marketer.get("/content"));
        responses.put("profile page showing the feed URL", marketer.get("/profile"));
        responses.put("error page of a missing item", marketer.get("/content/987654321"));
        responses.put("refused role", marketer.get("/admin/users"));
        responses.put("unmatched path", WebSession.anonymous().get("/no/such/page"));
        responses.put("static file", WebSession.anonymous().get("/css/herald.css"));
        responses.put("script", WebSession.anonymous().get("/js/calendar.js"));
        responses.put("sign-in redirect", WebSession.anonymous().get("/content"));
        responses.put("sign-in post redirect", WebSession.anonymous().login("marketer", DemoUsers.PASSWORD));
        responses.put("redirect after a form", DemoUsers.manager().submit("/", "/logout", Map.of()));
        responses.put("CSRF refusal", marketer.submitWithoutToken("/content", Map.of("title", "x")));

        assertThat(responses).extractingByKeys("page", "profile page showing the feed URL", "static file", "script")
                .allMatch(response -> response.statusCode() == 200);
        assertThat(responses.get("error page of a missing item").statusCode()).isEqualTo(404);
        assertThat(responses.get("refused role").statusCode()).isEqualTo(403);
        assertThat(responses.get("unmatched path").statusCode()).isEqualTo(404);
        assertThat(responses.get("sign-in redirect").statusCode()).isEqualTo(302);
        assertThat(responses.get("sign-in post redirect").statusCode()).isEqualTo(302);
        assertThat(responses.get("redirect after a form").statusCode()).isEqualTo(303);
        assertThat(responses.get("CSRF refusal").statusCode()).isEqualTo(400);
        responses.forEach((what, response) -> {
            assertHardened(what, response);
            assertThat(response.header("Strict-Transport-Security")).as(what).isNull();
        });
    }

    /** What the policy would block: inline scripts and styles, style attributes, inline event handlers, js: URLs. */
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:|setAttribute\\(\\s*['\"](style|on)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesAndStaticFilesUseNothingThePolicyBlocks() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/resources/META-INF/resources")))) {
            List<Path> checked = files.filter(Files::isRegularFile).toList();
            assertThat(checked).anyMatch(file -> file.toString().endsWith(".js"));
            for (Path file : checked) {
                assertThat(INLINE.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }

    @Test
    void theCsrfCookieHoldsTheTokensSignatureNotTheToken() {
        WebSession admin = DemoUsers.admin();
        Response page = admin.get("/admin/users");
        String token = Jsoup.parse(page.body().asString()).select("input[name=csrf-token]").first().attr("value");
        String cookie = page.getCookie("herald-csrf");

        String key = ConfigProvider.getConfig().getValue("quarkus.rest-csrf.token-signature-key", String.class);
        assertThat(cookie).isNotEqualTo(token).isEqualTo(CsrfTokenUtils.signCsrfToken(token, key));
    }

    @Test
    void aDownloadOpenedAfterAFormDoesNotInvalidateIt() {
        WebSession admin = DemoUsers.admin();
        String token = admin.csrfToken("/admin/users");

        Response download = admin.get("/audit.csv");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.getCookie("herald-csrf")).as("a non-HTML answer leaves the cookie alone").isNull();

        String name = "after-download-" + System.nanoTime() % 100000;
        Response created = admin.post("/admin/users", token, Map.of("username", name, "displayName", "D",
                "password", "a-long-password", "roles", List.of("MARKETER")));
        assertThat(created.statusCode()).isEqualTo(303);
    }
}
