package app.herald.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import app.herald.account.ActiveUserAugmentor;
import app.herald.account.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The signed-in user as templates see them ({@code inject:viewer}): name, roles and display zone. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    DefaultZones defaultZones;

    @Inject
    RoutingContext routing;

    private ZoneId zone;
    private Set<Role> roles;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public String displayName() {
        String displayName = identity.getAttribute(ActiveUserAugmentor.DISPLAY_NAME);
        return displayName != null ? displayName : username();
    }

    public Set<Role> roles() {
        if (roles == null) {
            Set<Role> held = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (identity.hasRole(role.name())) {
                    held.add(role);
                }
            }
            roles = Collections.unmodifiableSet(held);
        }
        return roles;
    }

    /**
     * Whether this request carries a CSRF token for forms; not on error pages of unmatched or refused requests,
     * where the CSRF filter never ran (the layout then links to the sign-out page instead of posting).
     */
    public boolean hasCsrfToken() {
        // The key quarkus-rest-csrf stores the token under.
        return routing.get("csrf_token") != null;
    }

    /**
     * The zone this viewer's pages show times in: their profile setting, else the zone of their first brand
     * (by name), UTC without one.
     */
    public ZoneId zone() {
        if (zone == null) {
            String chosen = !signedIn() ? null : identity.getAttribute(ActiveUserAugmentor.TIMEZONE);
            if (chosen != null) {
                zone = ZoneId.of(chosen);
            } else {
                zone = !signedIn() ? ZoneOffset.UTC
                        : defaultZones.defaultZone(username(), identity.hasRole(Role.Names.ADMIN)).orElse(ZoneOffset.UTC);
            }
        }
        return zone;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public String roleLabels() {
        return String.join(", ", roles().stream().map(Role::label).toList());
    }
}
