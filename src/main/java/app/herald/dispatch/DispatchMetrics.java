package app.herald.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.herald.calendar.PublicationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Prometheus meters of the dispatcher: final states, attempt outcomes, due-to-claim latency, paused channels. */
@ApplicationScoped
public class DispatchMetrics {

    @Inject
    MeterRegistry registry;

    private static final String PAUSED_CHANNELS = "herald.dispatch.paused.channels";

    /** Set by each dispatcher tick rather than queried at scrape time, so a scrape never waits for the database. */
    private final AtomicLong pausedChannels = new AtomicLong();

    private Timer dueToClaim;

    @PostConstruct
    void register() {
        // A restart inside one JVM (a dev-mode reload, a test profile) finds the previous instance's gauge still
        // registered, bound to that instance's counter: replace it, or the gauge would report a dead value.
        Gauge previous = registry.find(PAUSED_CHANNELS).gauge();
        if (previous != null) {
            registry.remove(previous);
        }
        Gauge.builder(PAUSED_CHANNELS, pausedChannels, AtomicLong::get).description("Channels paused by a platform's rate limit")
                .strongReference(true).register(registry);
        dueToClaim = Timer.builder("herald.dispatch.due.to.claim")
                .description("From when a publication became due to when a dispatcher claimed it")
                .publishPercentileHistogram()
                .register(registry);
    }

    void onStep(@Observes StepCommitted step) {
        if (!PublicationStatus.DISPATCHABLE.contains(step.status())) {
            Counter.builder("herald.dispatch.publications").description("Publications that reached a final dispatch state")
                    .tag("state", step.status().name()).register(registry).increment();
        }
    }

    /** Counts one platform call by its outcome ({@code OK} or the failure class). */
    void attempt(String outcome) {
        Counter.builder("herald.dispatch.attempts").description("Platform calls by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    void claimed(Duration sinceDue) {
        dueToClaim.record(sinceDue.isNegative() ? Duration.ZERO : sinceDue);
    }

    void pausedChannels(long count) {
        pausedChannels.set(count);
    }
}
