package app.herald.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/**
 * The current CSRF token, for {@code js/csrf-refresh.js}: a page that comes back to the front after another Herald
 * page was opened in the same browser fetches it, so its forms still post. Another origin cannot read it.
 */
@Path("/csrf-token")
@Authenticated
public class CsrfTokenResource {

    @Inject
    RoutingContext routing;

    /** The token quarkus-rest-csrf settled for this request: the one sent in the header if still valid, else new. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token() {
        routing.put(CsrfCookieScope.CARRIES_TOKEN, Boolean.TRUE);
        return routing.get("csrf_token");
    }
}
