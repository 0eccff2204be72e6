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
 * Completes the identity of a sign-in with a password (checked by security-jpa): refuses a user who is deactivated,
 * reading their account afresh, and adds the display name and zone for the layout. Identities restored from a
 * session cookie arrive complete from {@link SessionIdentityProvider}, which applies the same check.
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
        if (identity.isAnonymous() || identity.getAttribute(DISPLAY_NAME) != null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> complete(QuarkusSecurityIdentity.builder(identity),
                users.load(identity.getPrincipal().getName()).orElse(null)).build());
    }

    /** Adds what the pages need about {@code user}; refuses a user who is deactivated or gone. */
    static QuarkusSecurityIdentity.Builder complete(QuarkusSecurityIdentity.Builder identity, ActiveUsers.ActiveUser user) {
        if (user == null || !user.active()) {
            throw new AuthenticationFailedException("User is deactivated or no longer exists");
        }
        identity.addAttribute(DISPLAY_NAME, user.displayName());
        if (user.timezone() != null) {
            identity.addAttribute(TIMEZONE, user.timezone());
        }
        return identity;
    }
}
