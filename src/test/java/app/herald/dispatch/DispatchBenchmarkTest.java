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
import app.herald.content.media.MediaStorage;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.DurationConverter;
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
    private static final int STEADY_SECONDS = 40;
    private static final int CLAIM_RUNS = 5;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    @Inject
    Dispatcher dispatcher;

    @Inject
    HeraldConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    MediaStorage storage;

    @Test
    void fourDispatchersPublishTwoThousandWithoutDuplicates() throws Exception {
        List<Long> ids = seed();
        int batch = config.dispatch().batchSize();

        // Both loops warmed up once (the JIT), then timed in turns so that a noisy moment hits both; medians.
        bareClaimsPerSecond(batch);
        heraldClaimsPerSecond(ids);
        List<Double> bares = new ArrayList<>();
        List<Double> heralds = new ArrayList<>();
        for (int run = 0; run < CLAIM_RUNS; run++) {
            bares.add(bareClaimsPerSecond(batch));
            heralds.add(heraldClaimsPerSecond(ids));
        }
        double bare = median(bares);
        double herald = median(heralds);
        System.out.printf("BENCHMARK dispatch claim: bare JDBC SKIP LOCKED loop %.0f claims/s, Herald claim (DispatchClaims.claim) %.0f claims/s,"
                + " ratio %.2fx (target >= 0.5x; %d threads, batch %d; medians of %d runs after one warm-up, bare %s, Herald %s)%n",
                bare, herald, herald / bare, DISPATCHERS, batch, CLAIM_RUNS, rounded(bares), rounded(heralds));

        Duration tick = DurationConverter.parseDuration(config.dispatch().interval());

        // Steady state first (it also warms the whole dispatch path up): the publications fall due one by one, spread
        // over STEADY_SECONDS, as slots do.
        reset(ids, Instant.now().plusSeconds(1), Duration.ofSeconds(STEADY_SECONDS));
        dispatchUntilSettled(ids, tick);
        List<Long> steady = latencies(ids);
        System.out.printf("BENCHMARK dispatch due->claimed, steady (%d due one by one over %d s, %.0f/s): p50 %d ms, p95 %d ms,"
                + " max %d ms (target p95 <= interval %s + 1 s)%n", PUBLICATIONS, STEADY_SECONDS, PUBLICATIONS / (double) STEADY_SECONDS,
                percentile(steady, 50), percentile(steady, 95), steady.get(steady.size() - 1), config.dispatch().interval());
        assertThat(duplicates(ids)).isZero();
        assertThat(published(ids)).isEqualTo(PUBLICATIONS);

        // Then all of them due at once: the throughput.
        reset(ids, Instant.now(), Duration.ZERO);
        double seconds = dispatchUntilSettled(ids, tick);
        System.out.printf("BENCHMARK dispatch end to end: %d publications in %.1f s, %.1f publications/s (target >= 100;"
                + " %d dispatchers ticking every %s, one pool of %d worker threads)%n", PUBLICATIONS, seconds, PUBLICATIONS / seconds,
                DISPATCHERS, config.dispatch().interval(), config.dispatch().threads());
        List<Long> backlog = latencies(ids);
        System.out.printf("BENCHMARK dispatch due->claimed, backlog (all %d due at once, one post per channel at a time):"
                + " p50 %d ms, p95 %d ms, max %d ms%n", PUBLICATIONS, percentile(backlog, 50), percentile(backlog, 95),
                backlog.get(backlog.size() - 1));
        long duplicates = duplicates(ids);
        long published = published(ids);
        System.out.printf("BENCHMARK dispatch duplicates: %d (publications with more than one Sandbox video), published %d of %d%n",
                duplicates, published, PUBLICATIONS);
        assertThat(duplicates).isZero();
        assertThat(published).isEqualTo(PUBLICATIONS);

        twoProcesses(ids, tick);
    }

    /**
     * The packaged app started as a second JVM on the same MariaDB, its own scheduled dispatcher racing this JVM's
     * four: every publication is published once, and both processes took a share.
     */
    private void twoProcesses(List<Long> ids, Duration tick) throws Exception {
        assertThat(JAR).as("the packaged app for the second process: run mvn package -DskipTests before the benchmark").exists();
        Path dataDir = Files.createTempDirectory("herald-bench-second");
        Path log = dataDir.resolve("herald.log");
        Process second = secondProcess(dataDir, log);
        try {
            awaitStarted(second, log);
            reset(ids, Instant.now(), Duration.ZERO);
            double seconds = dispatchUntilSettled(ids, tick);
            long mine = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "SELECT COUNT(DISTINCT publication_id) FROM publication_attempt WHERE publication_id BETWEEN :first AND :last"
                                    + " AND step = 'START' AND instance LIKE 'bench-%' AND started_at >= (SELECT MIN(scheduled_at)"
                                    + " FROM publication WHERE id BETWEEN :first AND :last)")
                    .setParameter("first", ids.get(0)).setParameter("last", ids.get(ids.size() - 1))
                    .getSingleResult()).longValue());
            long duplicates = duplicates(ids, config.dataDir().resolve("sandbox"), dataDir.resolve("sandbox"));
            long published = published(ids);
            System.out.printf("BENCHMARK dispatch two processes: %d publications in %.1f s (%.1f/s), this JVM started %d, the"
                    + " second JVM %d; duplicates %d, published %d of %d%n", PUBLICATIONS, seconds, PUBLICATIONS / seconds, mine,
                    PUBLICATIONS - mine, duplicates, published, PUBLICATIONS);
            assertThat(duplicates).isZero();
            assertThat(published).isEqualTo(PUBLICATIONS);
            assertThat(mine).as("both processes dispatched").isBetween(1L, PUBLICATIONS - 1L);
        } finally {
            second.destroy();
            if (!second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    /** {@code java -jar} of the packaged app on this test's database and media folder, with its own data dir. */
    private Process secondProcess(Path dataDir, Path log) throws IOException {
        org.eclipse.microprofile.config.Config settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.getValue("quarkus.datasource.jdbc.url", String.class));
        env.put("QUARKUS_DATASOURCE_USERNAME", settings.getValue("quarkus.datasource.username", String.class));
        env.put("QUARKUS_DATASOURCE_PASSWORD", settings.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        env.put("HERALD_DATA_DIR", dataDir.toString());
        env.put("HERALD_MEDIA_DIR", storage.dir().toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("HERALD_SANDBOX_PROCESSING_DELAY", config.sandbox().processingDelay().toString());
        env.put("HERALD_SANDBOX_CHUNK_SIZE", String.valueOf(config.sandbox().chunkSize()));
        env.put("HERALD_DISPATCH_THREADS", String.valueOf(config.dispatch().threads()));
        env.put("HERALD_DISPATCH_INTERVAL", config.dispatch().interval());
        return builder.start();
    }

    private static void awaitStarted(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.readString(log).contains(" started in ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The second Herald did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    /**
     * Four dispatchers tick as the scheduled job does ({@link Dispatcher#fill}, its workers claiming more as they
     * finish) until every publication settled; returns the seconds it took.
     */
    private double dispatchUntilSettled(List<Long> ids, Duration tick) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService ticking = Executors.newFixedThreadPool(DISPATCHERS);
        for (int n = 0; n < DISPATCHERS; n++) {
            String name = "bench-" + n;
            // Staggered like the ticks of instances started at different moments.
            long offset = tick.toMillis() * n / DISPATCHERS;
            ticking.submit(() -> {
                Thread.sleep(offset);
                while (!settled.get()) {
                    dispatcher.fill(name);
                    Thread.sleep(tick.toMillis());
                }
                return null;
            });
        }
        try {
            while (unsettled(ids) > 0) {
                assertThat(System.nanoTime()).as("dispatch within 10 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            settled.set(true);
            ticking.shutdownNow();
            while (leased(ids) > 0) {
                Thread.sleep(10);
            }
        }
    }

    private List<Long> latencies(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Publication.<Publication>findById(id))
                .map(p -> Duration.between(p.scheduledAt, p.claimedAt).toMillis()).sorted().toList());
    }

    private long published(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .filter(id -> Publication.<Publication>findById(id).status == PublicationStatus.PUBLISHED).count());
    }

    /** Seeded one after the other, this run's publications are the only ones between its first and last id. */
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

    /**
     * Claims/s of the claim alone: passes of claims until as many were made as there are publications, channel
     * leases (all a claim writes) cleared in between.
     */
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

    /**
     * Makes the publications fresh again, the first due at {@code from} and the others spread evenly over
     * {@code spread} after it; returns {@code from}. Their earlier Sandbox videos stay, so duplicates are counted per
     * run by the markers, which change with the creation time.
     */
    private void reset(List<Long> ids, Instant from, Duration spread) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE publication SET status = 'SCHEDULED', claimed_by = NULL, lease_until = NULL,"
                            + " claimed_at = NULL, published_at = NULL, upload_ref = NULL, upload_offset = 0, platform_video_id = NULL,"
                            + " platform_url = NULL, created_at = created_at + INTERVAL 1 SECOND,"
                            + " scheduled_at = :from + INTERVAL (FLOOR(:spreadMicros * (id - :first) / (:last - :first + 1))) MICROSECOND"
                            + " WHERE id IN (:ids)")
                    .setParameter("from", from).setParameter("spreadMicros", spread.toNanos() / 1000)
                    .setParameter("first", ids.get(0)).setParameter("last", ids.get(ids.size() - 1))
                    .setParameter("ids", ids).executeUpdate();
            em.createNativeQuery("UPDATE content_item SET state = 'SCHEDULED' WHERE id IN"
                    + " (SELECT content_id FROM publication WHERE id IN (:ids))").setParameter("ids", ids).executeUpdate();
        });
    }

    private long leased(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM publication WHERE id BETWEEN :first AND :last AND claimed_by IS NOT NULL")
                .setParameter("first", ids.get(0)).setParameter("last", ids.get(ids.size() - 1)).getSingleResult()).longValue());
    }

    private long unsettled(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM publication WHERE id BETWEEN :first AND :last AND status IN (:open)")
                .setParameter("first", ids.get(0)).setParameter("last", ids.get(ids.size() - 1))
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
        return duplicates(ids, config.dataDir().resolve("sandbox"));
    }

    /** The same over the Sandbox folders of several processes. */
    private long duplicates(List<Long> ids, Path... sandboxes) throws IOException {
        java.util.Set<String> mine = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> PublicationDispatch.marker(app.herald.calendar.Publication.findById(id)))
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Integer> perMarker = new HashMap<>();
        for (Path sandbox : sandboxes) {
            try (Stream<Path> videos = Files.list(sandbox.resolve("videos"))) {
                for (Path video : videos.toList()) {
                    Properties meta = new Properties();
                    try (Reader in = Files.newBufferedReader(video.resolve("meta.properties"))) {
                        meta.load(in);
                    }
                    perMarker.merge(meta.getProperty("marker"), 1, Integer::sum);
                }
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
