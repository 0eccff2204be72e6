package app.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Tells browsers to come back over HTTPS only, on every response to a request that arrived over TLS: directly, or
 * through a trusted proxy that says so ({@code quarkus.http.proxy.*}). Plain-HTTP responses never carry it, so a
 * deployment without TLS is not locked out. The other security headers are plain {@code quarkus.http.header.*}
 * settings.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            if (routing.request().isSSL()) {
                routing.response().headers().set(HEADER, VALUE);
            }
            routing.next();
        });
    }
}
