package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;


class LoginThrottleTest {

    private static final String HOME = "198.51.100.7";
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void pausesANameAfterTheLimitIgnoringCaseFromAnyAddress() {
        throttle.recordFailure("Alice", "192.0.2.1");
        throttle.recordFailure("alice", "192.0.2.2");
        assertThat(throttle.isPaused("alice", HOME)).isFalse();
        throttle.recordFailure(" ALICE ", "192.0.2.3");
        assertThat(throttle.isPaused("alice", HOME)).isTrue();
        assertThat(throttle.isPaused("bob", HOME)).isFalse();
    }

    @Test
    void pausesAnAddressThatTriesManyNames() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("name-" + i, HOME);
        }
        assertThat(throttle.isPaused("someone-new", HOME)).as("every name from that address").isTrue();
        assertThat(throttle.isPaused("someone-new", "203.0.113.9")).as("other addresses").isFalse();
    }

    @Test
    void aSuccessDoesNotResetTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("victim-" + i, HOME);
        }
        throttle.recordSuccess("own-account");
        throttle.recordFailure("victim-4", HOME);
        assertThat(throttle.isPaused("victim-5", HOME)).isTrue();
    }

    @Test
    void pauseEndsAfterTheLockoutSinceTheLastFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("carol", HOME);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isPaused("carol", "192.0.2.1")).isTrue();
        assertThat(throttle.isPaused("dan", HOME)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isPaused("carol", "192.0.2.1")).isFalse();
        assertThat(throttle.isPaused("dan", HOME)).isFalse();
        throttle.recordFailure("carol", HOME);
        assertThat(throttle.isPaused("carol", HOME)).as("count restarts after expiry").isFalse();
    }

    @Test
    void successClearsTheNameCount() {
        throttle.recordFailure("dave", "192.0.2.1");
        throttle.recordFailure("dave", "192.0.2.2");
        throttle.recordSuccess("dave");
        throttle.recordFailure("dave", "192.0.2.3");
        assertThat(throttle.isPaused("dave", HOME)).isFalse();
    }

    @Test
    void ipv6ClientsCountPerSlash64AndIpv4PerAddress() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.addressKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(LoginThrottle.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
