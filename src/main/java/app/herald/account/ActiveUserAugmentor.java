package app.herald.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks on every authenticated request that the user still exists and is active (through {@link ActiveUsers}, so
 * deactivation also ends sessions already open), and adds the display name and zone for the layout.
 */
@ApplicationScoped
public class ActiveUserAugmentor implements SecurityIdentityAugmentor {

    public static final String DISPLAY_NAME = "herald.displayName";
    /** The user's chosen display zone (IANA id); absent when they chose none. */
    public static final String TIMEZONE = "herald.timezone";

    @Inject
    ActiveUsers users;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String username = identity.getPrincipal().getName();
        return users.cached(username).map(user -> Uni.createFrom().item(augment(identity, user)))
                .orElseGet(() -> context.runBlocking(() -> augment(identity, users.load(username).orElse(null))));
    }

    private static SecurityIdentity augment(SecurityIdentity identity, ActiveUsers.ActiveUser user) {
        if (user == null || !user.active()) {
            throw new AuthenticationFailedException("User is deactivated or no longer exists");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(DISPLAY_NAME, user.displayName());
        if (user.timezone() != null) {
            builder.addAttribute(TIMEZONE, user.timezone());
        }
        return builder.build();
    }
}
