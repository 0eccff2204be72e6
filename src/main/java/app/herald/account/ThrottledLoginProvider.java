package app.herald.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Runs before the security-jpa password check and refuses paused user names and client addresses without checking
 * the password; otherwise it defers (null) to the next provider.
 */
@ApplicationScoped
public class ThrottledLoginProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginThrottle throttle;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Above the default every other provider (security-jpa's included) keeps.
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String address = LoginThrottle.addressOf(HttpSecurityUtils.getRoutingContextAttribute(request));
        if (throttle.isPaused(request.getUsername(), address)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Sign-in paused for the name or address"));
        }
        return Uni.createFrom().nullItem();
    }
}
