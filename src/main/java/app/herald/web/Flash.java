package app.herald.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * A one-time message carried across the redirect that follows a POST ({@code inject:flash} in the layout).
 * Stored in a short-lived cookie; cleared once a page has shown it.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "herald-flash";

    @Inject
    jakarta.ws.rs.core.HttpHeaders headers;

    private Message outgoing;

    /** A message to show on the next page. */
    public record Message(String kind, String text) {
    }

    public void success(String text) {
        outgoing = new Message("success", text);
    }

    public void error(String text) {
        outgoing = new Message("error", text);
    }

    /** The message the previous request left for this page: none or one. */
    public List<Message> messages() {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return List.of();
        }
        String decoded = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String kind = colon > 0 ? decoded.substring(0, colon) : "info";
        return List.of(new Message("error".equals(kind) ? "error" : "success", decoded.substring(colon + 1)));
    }

    Optional<Message> pending() {
        return Optional.ofNullable(outgoing);
    }

    /** Writes a new message for the next page, or clears a delivered one once a page (not a redirect) is sent. */
    public static class CookieFilter {

        @Inject
        Flash flash;

        @ServerResponseFilter
        public void carry(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
            boolean redirect = response.getStatus() >= 300 && response.getStatus() < 400;
            // Secure over TLS, directly or behind a trusted proxy, like the session and CSRF cookies.
            boolean secure = routing.request().isSSL();
            Optional<Message> pending = flash.pending();
            if (pending.isPresent()) {
                String value = URLEncoder.encode(pending.get().kind() + ":" + pending.get().text(), StandardCharsets.UTF_8);
                response.getHeaders().add("Set-Cookie", cookie(value, 60, secure));
            } else if (!redirect && request.getCookies().containsKey(COOKIE)) {
                response.getHeaders().add("Set-Cookie", cookie("", 0, secure));
            }
        }

        private static NewCookie cookie(String value, int maxAge, boolean secure) {
            return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                    .sameSite(NewCookie.SameSite.LAX).build();
        }
    }
}
