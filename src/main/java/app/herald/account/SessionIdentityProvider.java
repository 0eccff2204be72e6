package app.herald.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilds the identity of a session cookie's user from {@link ActiveUsers} (roles, display name, zone; a
 * deactivated or deleted user is refused, which ends the session), ahead of security-jpa's trusted provider, which
 * would read {@code app_user} on every request. A cache hit stays on the I/O thread.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    ActiveUsers users;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Above security-jpa's trusted provider (default priority), which is then never asked.
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return users.cached(username).map(user -> Uni.createFrom().item(() -> identity(username, user)))
                .orElseGet(() -> context.runBlocking(() -> identity(username, users.load(username).orElse(null))));
    }

    private static SecurityIdentity identity(String username, ActiveUsers.ActiveUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username));
        if (user != null) {
            identity.addRoles(user.roles());
        }
        return ActiveUserAugmentor.complete(identity, user).build();
    }
}
