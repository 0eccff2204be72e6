package app.herald.web;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * A browser-like test client: signs in through the real login form, keeps cookies, and posts forms with the
 * CSRF token taken from the page it came from.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Filter cookies;
    private final Map<String, String> headers;

    private WebSession() {
        this(new CookieFilter(), Map.of());
    }

    private WebSession(Filter cookies, Map<String, String> headers) {
        this.cookies = cookies;
        this.headers = headers;
    }

    public static WebSession anonymous() {
        return new WebSession();
    }

    /**
     * A browser reaching Herald through a reverse proxy that adds {@code forwardedHeaders} (X-Forwarded-Proto,
     * X-Forwarded-For...) to every request. Secure cookies are sent back too: the browser sends them to the proxy
     * over https, and the proxy passes them on over plain HTTP.
     */
    public static WebSession throughProxy(Map<String, String> forwardedHeaders) {
        return new WebSession(new ProxiedCookies(), Map.copyOf(forwardedHeaders));
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
        return given().filter(cookies).headers(headers).redirects().follow(false);
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

    /** The CSRF token of the forms on {@code page} (every page of the layout has one, in its sign-out form). */
    public String csrfToken(String page) {
        return token(get(page).body().asString(), page);
    }

    private static String token(String html, String page) {
        Matcher token = CSRF_FIELD.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No CSRF token on " + page);
        }
        return token.group(1);
    }

    /**
     * Posts a form from {@code formPage} to {@code action}, as a browser would right after loading the page: with its
     * CSRF token and the hidden fields of its form for {@code action} (if the page has one), {@code fields} adding
     * to or overriding them. Lists become repeated fields.
     */
    public Response submit(String formPage, String action, Map<String, ?> fields) {
        return open(formPage, action).post(fields);
    }

    /**
     * Loads {@code formPage} now and keeps its CSRF token and the hidden fields of its form for {@code action}, to
     * post later: the way to send a form that went stale while it was open.
     */
    public OpenForm open(String formPage, String action) {
        String html = get(formPage).body().asString();
        Map<String, List<String>> repeated = new HashMap<>();
        Jsoup.parse(html).select("form[action=" + action + "] input[type=hidden]")
                .forEach(input -> repeated.computeIfAbsent(input.attr("name"), name -> new ArrayList<>()).add(input.val()));
        Map<String, Object> hidden = new HashMap<>();
        repeated.forEach((name, values) -> hidden.put(name, values.size() == 1 ? values.get(0) : values));
        hidden.put("csrf-token", token(html, formPage));
        return new OpenForm(action, hidden);
    }

    /** A form as loaded at one moment: its action and hidden fields. */
    public final class OpenForm {
        private final String action;
        private final Map<String, Object> hidden;

        private OpenForm(String action, Map<String, Object> hidden) {
            this.action = action;
            this.hidden = hidden;
        }

        /** The value of one of the form's hidden fields, e.g. the base version it carries. */
        public Object hidden(String name) {
            return hidden.get(name);
        }

        public Response post(Map<String, ?> fields) {
            Map<String, Object> all = new HashMap<>(hidden);
            all.putAll(fields);
            return WebSession.this.post(action, (String) all.remove("csrf-token"), all);
        }
    }

    /** Posts {@code fields} with {@code csrfToken}, as a form loaded earlier would. Lists become repeated fields. */
    public Response post(String action, String csrfToken, Map<String, ?> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("csrf-token", csrfToken);
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

    /** One cookie per name for the one site under test, kept whatever its Secure flag; expired ones are dropped. */
    private static final class ProxiedCookies implements Filter {
        private final Map<String, String> jar = new ConcurrentHashMap<>();

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            jar.forEach(request::cookie);
            Response answer = context.next(request, response);
            for (Cookie cookie : answer.getDetailedCookies()) {
                boolean expired = cookie.getMaxAge() == 0
                        || cookie.getExpiryDate() != null && cookie.getExpiryDate().before(new Date());
                if (expired) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            }
            return answer;
        }
    }
}
