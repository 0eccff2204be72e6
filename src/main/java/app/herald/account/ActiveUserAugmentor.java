package app.herald.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks on every authenticated request that the user still exists and is active, so deactivation also ends
 * sessions already open, and adds the display name for the layout.
 */
@ApplicationScoped
public class ActiveUserAugmentor implements SecurityIdentityAugmentor {

    public static final String DISPLAY_NAME = "herald.displayName";

    @Inject
    Accounts accounts;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Optional<String> displayName = accounts.activeDisplayName(identity.getPrincipal().getName());
            if (displayName.isEmpty()) {
                throw new AuthenticationFailedException("User is deactivated or no longer exists");
            }
            return QuarkusSecurityIdentity.builder(identity).addAttribute(DISPLAY_NAME, displayName.get()).build();
        });
    }

    /** Blocking user look-up with its own request context, as augmentors run outside one. */
    @ApplicationScoped
    public static class Accounts {

        @ActivateRequestContext
        public Optional<String> activeDisplayName(String username) {
            return AppUser.findByUsername(username).filter(user -> user.active).map(user -> user.displayName);
        }
    }
}
