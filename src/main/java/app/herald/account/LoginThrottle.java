package app.herald.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;

/**
 * Counts failed sign-ins per user name (existing or not, so it reveals nothing) and pauses a name after too many.
 * Kept in memory: a restart or another instance starts counting afresh, which only relaxes the throttle.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_TRACKED_NAMES = 10_000;

    private final Map<String, Failures> failuresByName = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    @Inject
    public LoginThrottle(HeraldConfig config) {
        this(config.login().maxFailures(), config.login().lockout(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    public boolean isPaused(String username) {
        Failures failures = failuresByName.get(key(username));
        return failures != null && failures.count >= maxFailures && !expired(failures);
    }

    public void recordFailure(String username) {
        if (failuresByName.size() >= MAX_TRACKED_NAMES) {
            failuresByName.values().removeIf(this::expired);
        }
        failuresByName.compute(key(username), (name, previous) -> previous == null || expired(previous)
                ? new Failures(1, clock.instant())
                : new Failures(previous.count + 1, clock.instant()));
    }

    public void recordSuccess(String username) {
        failuresByName.remove(key(username));
    }

    public Duration lockout() {
        return lockout;
    }

    public int maxFailures() {
        return maxFailures;
    }

    private boolean expired(Failures failures) {
        return failures.lastFailure.plus(lockout).isBefore(clock.instant());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lastFailure) {
    }
}
