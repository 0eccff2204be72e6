package app.herald.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.SandboxFailureMode;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dispatches 2 000 due Sandbox publications on 200 channels with four dispatchers, and times the claim query against
 * a bare JDBC SKIP LOCKED loop on the same database. Excluded from the normal suite; run with
 * {@code mvn verify -Dgroups=benchmark -DexcludedGroups=}.
 */
@QuarkusTest
@Tag("benchmark")
class DispatchBenchmarkTest {

    private static final int PUBLICATIONS = 2_000;
    private static final int CHANNELS = 200;
    private static final int DISPATCHERS = 4;
    private static final int VIDEO_BYTES = 4_096;

    @Inject
    Dispatcher dispatcher;

    @Inject
    HeraldConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void fourDispatchersPublishTwoThousandWithoutDuplicates() throws Exception {
        List<Long> ids = seed();
        int batch = config.dispatch().batchSize();

        double bare = bareClaimsPerSecond(batch);
        double herald = heraldClaimsPerSecond(ids);
        System.out.printf("BENCHMARK dispatch claim: bare JDBC SKIP LOCKED loop %.0f claims/s, Herald claim (DispatchClaims.claim) %.0f claims/s,"
                + " ratio %.2fx (target >= 0.5x; %d threads, batch %d)%n", bare, herald, herald / bare, DISPATCHERS, batch);

        Instant due = reset(ids);
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        parallel(DISPATCHERS, n -> {
            while (System.nanoTime() < deadline) {
                if (dispatcher.round("bench-" + n) == 0) {
                    if (unsettled(ids) == 0) {
                        break;
                    }
                    // Nothing claimable right now (the other dispatchers hold the channels): look again shortly,
                    // as the scheduled tick would, but without waiting a whole interval.
                    Thread.sleep(20);
                }
            }
            return 0;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK dispatch end to end: %d publications in %.1f s, %.1f publications/s (target >= 100;"
                + " %d dispatchers sharing one pool of %d worker threads)%n", PUBLICATIONS, seconds, PUBLICATIONS / seconds, DISPATCHERS,
                config.dispatch().threads());

        List<Long> latencies = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Publication.<Publication>findById(id))
                .map(p -> Duration.between(due, p.claimedAt).toMillis()).sorted().toList());
        System.out.printf("BENCHMARK dispatch due->claimed: p50 %d ms, p95 %d ms, max %d ms (all %d due at once;"
                + " target p95 <= interval %s + 1 s)%n", percentile(latencies, 50), percentile(latencies, 95),
                latencies.get(latencies.size() - 1), PUBLICATIONS, config.dispatch().interval());

        long duplicates = duplicates(ids);
        long published = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .filter(id -> Publication.<Publication>findById(id).status == PublicationStatus.PUBLISHED).count());
        System.out.printf("BENCHMARK dispatch duplicates: %d (publications with more than one Sandbox video), published %d of %d%n",
                duplicates, published, PUBLICATIONS);
        assertThat(duplicates).isZero();
        assertThat(published).isEqualTo(PUBLICATIONS);
    }

    private static List<Long> seed() {
        long brand = DispatchFixture.brand();
        List<Long> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE));
        }
        Instant at = Instant.now().minusSeconds(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PUBLICATIONS; i++) {
            ids.add(DispatchFixture.duePublication(brand, channels.get(i % CHANNELS), at, VIDEO_BYTES));
        }
        return ids;
    }

    /** Claims/s of the claim alone: passes until every publication was claimed once, channel leases cleared in between. */
    private double heraldClaimsPerSecond(List<Long> ids) throws Exception {
        long nanos = 0;
        int total = 0;
        while (total < ids.size()) {
            long start = System.nanoTime();
            total += parallel(DISPATCHERS, n -> {
                int mine = 0;
                for (int got; (got = dispatcher.claim("claim-" + n).size()) > 0;) {
                    mine += got;
                }
                return mine;
            });
            nanos += System.nanoTime() - start;
            // One post per channel in flight: a pass ends when every channel is leased, so free them (not timed).
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE channel SET dispatch_owner = NULL, dispatch_lease_until = NULL").executeUpdate());
        }
        return total / (nanos / 1e9);
    }

    /** Makes the claimed publications fresh and due now again for the end-to-end run; returns when they became due. */
    private Instant reset(List<Long> ids) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE publication SET status = 'SCHEDULED',"
                        + " claimed_by = NULL, lease_until = NULL, claimed_at = NULL, scheduled_at = :now WHERE id IN (:ids)")
                .setParameter("now", now).setParameter("ids", ids).executeUpdate());
        return now;
    }

    private long unsettled(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM publication WHERE id IN (:ids) AND status IN (:open)")
                .setParameter("ids", ids)
                .setParameter("open", PublicationStatus.DISPATCHABLE.stream().map(Enum::name).toList())
                .getSingleResult()).longValue());
    }

    /** The reference: plain java.sql claiming rows of a scratch table with SKIP LOCKED, UPDATE and commit. */
    private double bareClaimsPerSecond(int batch) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_claim");
            statement.execute("CREATE TABLE bench_claim (id BIGINT PRIMARY KEY AUTO_INCREMENT, claimed_by VARCHAR(40) NULL,"
                    + " lease_until DATETIME(6) NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_claim (claimed_by) VALUES (NULL)")) {
                for (int i = 0; i < PUBLICATIONS; i++) {
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        long start = System.nanoTime();
        int total = parallel(DISPATCHERS, n -> {
            int mine = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM bench_claim WHERE claimed_by IS NULL"
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED");
                        PreparedStatement update = connection.prepareStatement(
                                "UPDATE bench_claim SET claimed_by = ?, lease_until = NOW(6) + INTERVAL 2 MINUTE WHERE id = ?")) {
                    select.setInt(1, batch);
                    while (true) {
                        List<Long> rows = new ArrayList<>();
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                rows.add(result.getLong(1));
                            }
                        }
                        for (long id : rows) {
                            update.setString(1, "bare-" + n);
                            update.setLong(2, id);
                            update.executeUpdate();
                        }
                        connection.commit();
                        if (rows.isEmpty()) {
                            return mine;
                        }
                        mine += rows.size();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        double rate = total / ((System.nanoTime() - start) / 1e9);
        assertThat(total).isEqualTo(PUBLICATIONS);
        return rate;
    }

    /**
     * This run's publications with more than one video, read from the Sandbox's folder once (it also holds the
     * videos of earlier runs, whose markers are other ones).
     */
    private long duplicates(List<Long> ids) throws IOException {
        java.util.Set<String> mine = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> PublicationDispatch.marker(app.herald.calendar.Publication.findById(id)))
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Integer> perMarker = new HashMap<>();
        try (Stream<Path> videos = Files.list(config.dataDir().resolve("sandbox").resolve("videos"))) {
            for (Path video : videos.toList()) {
                Properties meta = new Properties();
                try (Reader in = Files.newBufferedReader(video.resolve("meta.properties"))) {
                    meta.load(in);
                }
                perMarker.merge(meta.getProperty("marker"), 1, Integer::sum);
            }
        }
        return perMarker.entrySet().stream().filter(entry -> mine.contains(entry.getKey()) && entry.getValue() > 1).count();
    }

    private interface Worker {
        int run(int n) throws Exception;
    }

    /** Runs {@code threads} copies of {@code worker} at once and returns the sum of what they return. */
    private static int parallel(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                int index = n;
                running.add(pool.submit((Callable<Integer>) () -> worker.run(index)));
            }
            int sum = 0;
            for (Future<Integer> future : running) {
                sum += future.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
