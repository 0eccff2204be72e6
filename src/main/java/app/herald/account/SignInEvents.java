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

/** Feeds the sign-in throttle and the user's last sign-in time from Quarkus' form-login security events. */
@ApplicationScoped
public class SignInEvents {

    private static final Logger LOG = Logger.getLogger(SignInEvents.class);
    private static final String LOGIN_POST = "/j_security_check";

    @Inject
    LoginThrottle throttle;

    @Inject
    UserService users;

    void onFailure(@Observes AuthenticationFailureEvent event) {
        typedUserName(event).ifPresent(username -> {
            throttle.recordFailure(username);
            LOG.infof("Failed sign-in for user name '%s'", username.replaceAll("\\p{Cntrl}", "?"));
        });
    }

    // Asynchronous because the event fires on the I/O thread and this writes to the database.
    void auditFailure(@ObservesAsync AuthenticationFailureEvent event) {
        typedUserName(event).ifPresent(username -> users.recordFailedSignIn(username, remoteAddress(event)));
    }

    /** The user name posted to the login form, when the failure is a form sign-in (not, say, an expired cookie). */
    private static Optional<String> typedUserName(AuthenticationFailureEvent event) {
        if (event.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext routing
                && LOGIN_POST.equals(routing.normalizedPath())) {
            return Optional.ofNullable(routing.request().getFormAttribute("j_username"));
        }
        return Optional.empty();
    }

    private static String remoteAddress(AuthenticationFailureEvent event) {
        RoutingContext routing = (RoutingContext) event.getEventProperties().get(RoutingContext.class.getName());
        return String.valueOf(routing.request().remoteAddress());
    }

    void onSignIn(@Observes FormAuthenticationEvent event) {
        throttle.recordSuccess(event.getSecurityIdentity().getPrincipal().getName());
    }

    void recordLastSignIn(@ObservesAsync FormAuthenticationEvent event) {
        users.recordSignIn(event.getSecurityIdentity().getPrincipal().getName());
    }
}
