package app.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Keeps the signed CSRF cookie matching the forms on the page the browser shows. With a signature key,
 * quarkus-rest-csrf issues a fresh token and cookie on every GET it handles, images, video and downloads included;
 * a thumbnail loaded after the page would otherwise replace the cookie its forms' token belongs to. Only responses
 * that carry the token may set the cookie: HTML pages, and {@link CsrfTokenResource}.
 */
@ApplicationScoped
public class CsrfCookieScope {

    /** Routing-context key marking a non-HTML response that hands out the token. */
    static final String CARRIES_TOKEN = "herald.csrf-token-carried";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            HttpMethod method = routing.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                routing.addHeadersEndHandler(ignored -> {
                    String type = routing.response().headers().get(HttpHeaders.CONTENT_TYPE);
                    boolean carriesToken = type != null && type.startsWith("text/html")
                            || routing.get(CARRIES_TOKEN) != null;
                    if (!carriesToken) {
                        routing.response().removeCookie(cookieName, false);
                    }
                });
            }
            routing.next();
        });
    }
}
