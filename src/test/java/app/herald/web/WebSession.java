package app.herald.web;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like test client: signs in through the real login form, keeps cookies, and posts forms with the
 * CSRF token taken from the page it came from.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();

    private WebSession() {
    }

    public static WebSession anonymous() {
        return new WebSession();
    }

    /** Signs in as {@code username}; fails the test if the login does not land on the dashboard. */
    public static WebSession signIn(String username, String password) {
        WebSession session = new WebSession();
        Response response = session.login(username, password);
        String location = response.header("Location");
        if (response.statusCode() != 302 || location == null || location.contains("error")) {
            throw new AssertionError("Sign-in as " + username + " failed: " + response.statusCode() + " " + location);
        }
        return session;
    }

    public Response login(String username, String password) {
        // UTF-8 like a browser posting from a UTF-8 page (RestAssured's default form charset is ISO-8859-1).
        return request().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    public Response get(String path) {
        return request().get(path);
    }

    public Document page(String path) {
        Response response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body().asString());
    }

    /** Posts a form from {@code formPage} (for its CSRF token) to {@code action}. Lists become repeated fields. */
    public Response submit(String formPage, String action, Map<String, ?> fields) {
        String html = get(formPage).body().asString();
        Matcher token = CSRF_FIELD.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No CSRF token on " + formPage);
        }
        Map<String, Object> all = new HashMap<>(fields);
        all.put("csrf-token", token.group(1));
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        all.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                spec.formParam(name, values.toArray());
            } else {
                spec.formParam(name, value);
            }
        });
        return spec.post(action);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public Response submitWithoutToken(String action, Map<String, String> fields) {
        return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(new HashMap<>(fields))
                .post(action);
    }
}
