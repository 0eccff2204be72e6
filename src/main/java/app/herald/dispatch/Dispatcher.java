package app.herald.dispatch;

import java.lang.management.ManagementFactory;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.system.HeraldConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled job that takes due publications to the platforms: every {@code herald.dispatch.interval} it claims
 * a batch (one per channel) and publishes them on its worker threads, round after round while work is due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private static final int CLAIM_ATTEMPTS = 5;

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

    public String instance() {
        return instance;
    }

    @Scheduled(identity = "dispatcher", every = "${herald.dispatch.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void tick() {
        try {
            metrics.pausedChannels(claims.pausedChannels(Instant.now()));
            while (round(instance) > 0) {
                // Keep going while work is due; each round claims afresh.
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Dispatch round failed; the next tick tries again");
        }
    }

    /** Claims one batch as {@code name} and publishes it on the worker threads; returns how many were claimed. */
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
        for (int attempt = 1;; attempt++) {
            try {
                return claims.claim(name, Instant.now(), config.dispatch().batchSize());
            } catch (RuntimeException e) {
                if (attempt >= CLAIM_ATTEMPTS || !deadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
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
