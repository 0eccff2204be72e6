package app.herald.dispatch;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.system.Deadlocks;
import app.herald.system.HeraldConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled job that takes due publications to the platforms: every {@code herald.dispatch.interval} it claims
 * as many due publications (one per channel) as it has idle worker threads, and each worker that finishes claims the
 * next at once, so a backlog drains without waiting for a tick and a long upload never holds up other channels.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** This instance's name in leases and attempt rows: host and process, plus a random part for restarts. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    DispatchClaims claims;

    @Inject
    PublicationDispatch dispatch;

    @Inject
    HeraldConfig config;

    @Inject
    DispatchMetrics metrics;

    private ExecutorService workers;

    /** Idle worker threads: nothing is claimed that no worker can start at once (a claim is a lease, not a queue). */
    private Semaphore idle;

    private volatile boolean stopped;

    public String instance() {
        return instance;
    }

    @Scheduled(identity = "dispatcher", every = "${herald.dispatch.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void tick() {
        try {
            metrics.pausedChannels(claims.pausedChannels(Instant.now()));
            fill(instance);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Dispatch round failed; the next tick tries again");
        }
    }

    /**
     * Claims as {@code name} as many due publications as there are idle workers and starts them without waiting;
     * each of them, when done, fills again. Returns how many it started.
     */
    public int fill(String name) {
        int started = 0;
        while (!stopped) {
            int wanted = Math.min(config.dispatch().batchSize(), idle().availablePermits());
            if (wanted == 0 || !idle().tryAcquire(wanted)) {
                return started;
            }
            int handedOver = 0;
            List<Long> claimed = List.of();
            try {
                claimed = claim(name, wanted);
                for (Long id : claimed) {
                    workers().execute(() -> work(id, name));
                    handedOver++;
                }
            } finally {
                // Each worker started holds one permit and gives it back when done; the rest go back now.
                idle().release(wanted - handedOver);
            }
            started += handedOver;
            if (claimed.size() < wanted) {
                return started;
            }
        }
        return started;
    }

    private void work(long id, String name) {
        try {
            dispatch.run(id, name);
        } catch (RuntimeException e) {
            LOG.errorf(e, "A dispatch worker stopped; its lease runs out and the publication is taken over");
        } finally {
            idle().release();
        }
        try {
            fill(name);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Looking for more due publications failed; the next tick tries again");
        }
    }

    /**
     * Claims one batch as {@code name} and publishes it on the worker threads, waiting for all of them: one step
     * that ends when its work is done, for tests that follow each round.
     */
    public int round(String name) {
        List<Long> claimed = claim(name);
        List<Future<?>> running = new ArrayList<>();
        for (Long id : claimed) {
            running.add(workers().submit(() -> dispatch.run(id, name)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.errorf(e.getCause(), "A dispatch worker stopped; its lease runs out and the publication is taken over");
            }
        }
        return claimed.size();
    }

    /**
     * One claim as {@code name}, tried again when the database picked it as a deadlock victim: concurrent claims lock
     * index gaps of the due rows they scan, and the loser's transaction is rolled back whole, so a retry is safe.
     */
    List<Long> claim(String name) {
        return claim(name, config.dispatch().batchSize());
    }

    private List<Long> claim(String name, int limit) {
        return Deadlocks.retried(() -> claims.claim(name, Instant.now(), limit));
    }

    private synchronized Semaphore idle() {
        if (idle == null) {
            idle = new Semaphore(config.dispatch().threads());
        }
        return idle;
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(config.dispatch().threads(), runnable -> {
                Thread thread = new Thread(runnable, "herald-dispatch");
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Skips the job when {@code herald.dispatch.enabled} is false. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        HeraldConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.dispatch().enabled();
        }
    }
}
