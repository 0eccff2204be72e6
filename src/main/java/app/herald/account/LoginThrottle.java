package app.herald.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts failed sign-ins per user name (existing or not, so it reveals nothing) and per client address, and pauses
 * a name or an address after too many. Kept in memory: a restart or another instance starts counting afresh, which
 * only relaxes the throttle.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Counter byName;
    private final Counter byAddress;
    private final int maxFailures;
    private final Duration lockout;

    @Inject
    public LoginThrottle(HeraldConfig config) {
        this(config.login().maxFailures(), config.login().maxFailuresPerAddress(), config.login().lockout(),
                Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.byName = new Counter(maxFailures, lockout, clock);
        this.byAddress = new Counter(maxFailuresPerAddress, lockout, clock);
    }

    /** Whether a sign-in for {@code username} from {@code address} is refused without checking the password. */
    public boolean isPaused(String username, String address) {
        return byName.isPaused(nameKey(username)) || byAddress.isPaused(address);
    }

    public void recordFailure(String username, String address) {
        byName.recordFailure(nameKey(username));
        byAddress.recordFailure(address);
    }

    /**
     * Clears the name's count. The address keeps its count: otherwise one working account would let its holder
     * reset their address between guesses at other names.
     */
    public void recordSuccess(String username) {
        byName.clear(nameKey(username));
    }

    public Duration lockout() {
        return lockout;
    }

    public int maxFailures() {
        return maxFailures;
    }

    /**
     * The client address a sign-in counts against: the peer, or the client named by a trusted proxy
     * ({@code quarkus.http.proxy.*}). IPv6 clients count per /64, the block one subscriber usually holds.
     */
    public static String addressOf(RoutingContext routing) {
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        return addressKey(routing.request().remoteAddress().hostAddress());
    }

    static String addressKey(String host) {
        if (host == null || host.indexOf(':') < 0) {
            return String.valueOf(host);
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            if (address.length != 16) {
                return InetAddress.getByAddress(address).getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(address, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return host;
        }
    }

    private static String nameKey(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Failures per key within the lockout window; a key is paused once it reaches the limit. */
    private static final class Counter {
        private static final int MAX_TRACKED_KEYS = 10_000;

        private final Map<String, Failures> failures = new ConcurrentHashMap<>();
        private final int limit;
        private final Duration lockout;
        private final Clock clock;

        Counter(int limit, Duration lockout, Clock clock) {
            this.limit = limit;
            this.lockout = lockout;
            this.clock = clock;
        }

        boolean isPaused(String key) {
            Failures current = failures.get(key);
            return current != null && current.count >= limit && !expired(current);
        }

        void recordFailure(String key) {
            if (failures.size() >= MAX_TRACKED_KEYS) {
                failures.values().removeIf(this::expired);
            }
            failures.compute(key, (k, previous) -> previous == null || expired(previous)
                    ? new Failures(1, clock.instant())
                    : new Failures(previous.count + 1, clock.instant()));
        }

        void clear(String key) {
            failures.remove(key);
        }

        private boolean expired(Failures entry) {
            return entry.lastFailure.plus(lockout).isBefore(clock.instant());
        }
    }

    private record Failures(int count, Instant lastFailure) {
    }
}
