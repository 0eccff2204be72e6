package app.herald.web;

import java.util.Base64;
import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a CSRF token that is not even well-formed (URL-safe Base64) with the 400 every other CSRF failure gets:
 * checking such a token's signature, quarkus-rest-csrf would fail with a 500.
 */
public class MalformedCsrfTokens {

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name")
    String formField;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name")
    String header;

    // quarkus-rest-csrf's filter has the default priority (USER); as verified by CsrfTest, this one then runs first.
    @ServerRequestFilter(priority = Priorities.USER + 1)
    @WithFormRead
    public Optional<Response> refuse(ResteasyReactiveContainerRequestContext request) {
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object posted = context.getFormParameter(formField, true, false);
        boolean wellFormed = wellFormed(request.getHeaderString(header))
                && (posted == null || posted instanceof String token && wellFormed(token));
        return wellFormed ? Optional.empty() : Optional.of(Response.status(Response.Status.BAD_REQUEST).build());
    }

    private static boolean wellFormed(String token) {
        if (token == null) {
            return true;
        }
        try {
            Base64.getUrlDecoder().decode(token);
            return true;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
