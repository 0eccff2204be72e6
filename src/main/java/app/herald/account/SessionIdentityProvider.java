package app.herald.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilds the identity of a session cookie's user from {@link ActiveUsers}, ahead of security-jpa's trusted
 * provider, which would read {@code app_user} on every request. A cache hit stays on the I/O thread.
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
        return users.cached(username).map(user -> Uni.createFrom().item(identity(user)))
                .orElseGet(() -> context.runBlocking(() -> users.load(username).map(SessionIdentityProvider::identity)
                        .orElseThrow(() -> new AuthenticationFailedException("User no longer exists"))));
    }

    private static SecurityIdentity identity(ActiveUsers.ActiveUser user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username())).addRoles(user.roles())
                .build();
    }
}
