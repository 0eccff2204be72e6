package app.herald.account;

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
        Object context = event.getEventProperties().get(RoutingContext.class.getName());
        if (context instanceof RoutingContext routing && LOGIN_POST.equals(routing.normalizedPath())) {
            String username = routing.request().getFormAttribute("j_username");
            if (username != null) {
                throttle.recordFailure(username);
                LOG.infof("Failed sign-in for user name '%s' from %s", username.replaceAll("\\p{Cntrl}", "?"),
                        routing.request().remoteAddress());
            }
        }
    }

    void onSignIn(@Observes FormAuthenticationEvent event) {
        throttle.recordSuccess(event.getSecurityIdentity().getPrincipal().getName());
    }

    // Asynchronous because the event fires on the I/O thread and this writes to the database.
    void recordLastSignIn(@ObservesAsync FormAuthenticationEvent event) {
        users.recordSignIn(event.getSecurityIdentity().getPrincipal().getName());
    }
}
