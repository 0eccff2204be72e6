package app.herald.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationEvent;
import io.vertx.ext.web.RoutingContext;

/** Feeds the sign-in throttle, the audit log and last sign-in times from Quarkus' form-login security events. */
@ApplicationScoped
public class SignInEvents {

    private static final Logger LOG = Logger.getLogger(SignInEvents.class);
    private static final String LOGIN_POST = "/j_security_check";

    @Inject
    LoginThrottle throttle;

    @Inject
    UserService users;

    @Inject
    TypedNames typedNames;

    void onFailure(@Observes AuthenticationFailureEvent event) {
        typedUserName(event).ifPresent(username -> {
            throttle.recordFailure(username, LoginThrottle.addressOf(routing(event)));
            // Never the typed name itself: it may be a password typed into the wrong field.
            LOG.infof("Failed sign-in from %s for %s", remoteAddress(event), typedNames.marker(username));
        });
    }

    // Asynchronous because the event fires on the I/O thread and this writes to the database.
    void auditFailure(@ObservesAsync AuthenticationFailureEvent event) {
        typedUserName(event).ifPresent(username -> users.recordFailedSignIn(username, remoteAddress(event)));
    }

    /** The user name posted to the login form, when the failure is a form sign-in (not, say, an expired cookie). */
    private static Optional<String> typedUserName(AuthenticationFailureEvent event) {
        RoutingContext routing = routing(event);
        if (routing != null && LOGIN_POST.equals(routing.normalizedPath())) {
            return Optional.ofNullable(routing.request().getFormAttribute("j_username"));
        }
        return Optional.empty();
    }

    private static RoutingContext routing(AuthenticationFailureEvent event) {
        return event.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext routing
                ? routing : null;
    }

    /** The client's address (as a trusted proxy names it, when there is one), without the port. */
    private static String remoteAddress(AuthenticationFailureEvent event) {
        return routing(event).request().remoteAddress().hostAddress();
    }

    void onSignIn(@Observes FormAuthenticationEvent event) {
        throttle.recordSuccess(event.getSecurityIdentity().getPrincipal().getName());
    }

    void recordLastSignIn(@ObservesAsync FormAuthenticationEvent event) {
        users.recordSignIn(event.getSecurityIdentity().getPrincipal().getName());
    }
}
