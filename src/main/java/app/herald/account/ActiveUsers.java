package app.herald.account;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import app.herald.system.ReadCache;

/**
 * The account details every authenticated request needs (active, roles, display name, zone), read from
 * {@code app_user} once and reused until this instance writes anything or {@code herald.cache-ttl} passes: a
 * deactivation here ends the user's sessions at their next request, one made on another instance within the TTL.
 */
@ApplicationScoped
public class ActiveUsers {

    /** What an authenticated request knows about its user. */
    public record ActiveUser(String username, String displayName, Set<String> roles, boolean active, String timezone) {
    }

    @Inject
    ReadCache<String, ActiveUser> cache;

    /** The details of {@code username} if read recently enough; never touches the database (safe on an I/O thread). */
    public Optional<ActiveUser> cached(String username) {
        return cache.fresh(username);
    }

    /** Reads {@code username} from the database (blocking); empty if there is no such user. */
    @ActivateRequestContext
    public Optional<ActiveUser> load(String username) {
        return Optional.ofNullable(cache.load(username,
                name -> AppUser.findByUsername(name).map(ActiveUsers::snapshot).orElse(null)));
    }

    private static ActiveUser snapshot(AppUser user) {
        // The same reading of the roles column as security-jpa's @Roles: comma-separated, trimmed.
        Set<String> roles = Arrays.stream(user.roles.split(",")).map(String::strip).filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new ActiveUser(user.username, user.displayName, roles, user.active, user.timezone);
    }
}
