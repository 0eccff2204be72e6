package app.herald.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Whether the signed-in user holds any of some roles: the one check pages use to show or hide an action that
 * several roles may take (the routes themselves are guarded by {@code @RolesAllowed} with the same roles).
 */
@ApplicationScoped
public class RoleCheck {

    @Inject
    SecurityIdentity identity;

    public boolean any(Role... roles) {
        for (Role role : roles) {
            if (identity.hasRole(role.name())) {
                return true;
            }
        }
        return false;
    }
}
