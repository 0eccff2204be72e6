package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void pausesANameAfterTheLimitIgnoringCase() {
        throttle.recordFailure("Alice");
        throttle.recordFailure("alice");
        assertThat(throttle.isPaused("alice")).isFalse();
        throttle.recordFailure(" ALICE ");
        assertThat(throttle.isPaused("alice")).isTrue();
        assertThat(throttle.isPaused("bob")).isFalse();
    }

    @Test
    void pauseEndsAfterTheLockoutSinceTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("carol");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isPaused("carol")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isPaused("carol")).isFalse();
        throttle.recordFailure("carol");
        assertThat(throttle.isPaused("carol")).as("count restarts after expiry").isFalse();
    }

    @Test
    void successClearsTheCount() {
        throttle.recordFailure("dave");
        throttle.recordFailure("dave");
        throttle.recordSuccess("dave");
        throttle.recordFailure("dave");
        assertThat(throttle.isPaused("dave")).isFalse();
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
