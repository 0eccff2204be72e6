package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.herald.calendar.CalendarFixture;
import app.herald.channel.ChannelStatus;
import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds 10 million snapshots over 100 000 publications (with their day rows), then times 100 000 new snapshots
 * through the importer's recording path ({@link MetricRecorder#record}: snapshots, day rollups, latest values) against
 * a bare JDBC batch insert of the same rows into the same table. Excluded from the normal suite; run with
 * {@code mvn -q -B test -Dtest=ImportBenchmarkTest -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("benchmark")
class ImportBenchmarkTest {

    private static final int CONTENT = 1_000;
    private static final int CHANNELS = 100;
    private static final int PUBLICATIONS = CONTENT * CHANNELS;
    private static final int SNAPSHOTS_EACH = 100;
    private static final int DAYS_EACH = 40;
    private static final int WARM_UP = 10_000;
    private static final Instant PUBLISHED = Instant.parse("2026-06-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    MetricRecorder recorder;

    @Inject
    HeraldConfig config;

    @Test
    void importsAHundredThousandSnapshotsOverTenMillion() throws Exception {
        long brand = CalendarFixture.brand("UTC");
        List<Long> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(CalendarFixture.channel(brand, Platform.values()[i % 3], "UTC", 1000, 0, ChannelStatus.ACTIVE));
        }
        long started = System.nanoTime();
        List<Long> publications = seed(brand, channels);
        System.out.printf("BENCHMARK metrics seed: %d publications, %d snapshots, %d day rows in %.1f s%n", PUBLICATIONS,
                (long) PUBLICATIONS * SNAPSHOTS_EACH, (long) PUBLICATIONS * DAYS_EACH, (System.nanoTime() - started) / 1e9);

        // Warm-up of both paths (the JIT, the buffer pool) on other instants, then the timed runs.
        Instant warm = PUBLISHED.plus(Duration.ofDays(DAYS_EACH + 1));
        herald(publications.subList(0, WARM_UP), warm);
        bare(publications.subList(0, WARM_UP), warm.plusSeconds(1));

        Instant at = PUBLISHED.plus(Duration.ofDays(DAYS_EACH + 2));
        double heraldSeconds = herald(publications, at);
        double bareSeconds = bare(publications, at.plusSeconds(1));
        double heraldRate = PUBLICATIONS / heraldSeconds;
        double bareRate = PUBLICATIONS / bareSeconds;
        System.out.printf("BENCHMARK metrics import: %d new snapshots through MetricRecorder.record (batches of %d) in %.2f s,"
                + " %.0f snapshots/s (target >= 20 000); bare JDBC batch insert of the same rows %.2f s, %.0f rows/s;"
                + " ratio %.2fx (target >= 0.5x)%n", PUBLICATIONS, config.metrics().batchSize(), heraldSeconds, heraldRate,
                bareSeconds, bareRate, heraldRate / bareRate);
        try (Connection connection = dataSource.getConnection(); Statement count = connection.createStatement();
                var rows = count.executeQuery("SELECT COUNT(*) FROM metric_snapshot WHERE measured_at = '"
                        + at.toString().replace("T", " ").replace("Z", "") + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(PUBLICATIONS);
        }
    }

    /** One batch per importer claim's worth of publications, each a new day (the newest) for its publication. */
    private double herald(List<Long> publications, Instant at) {
        int batch = config.metrics().batchSize();
        long started = System.nanoTime();
        for (int from = 0; from < publications.size(); from += batch) {
            List<MetricRecorder.Fetch> fetches = new ArrayList<>(batch);
            for (long id : publications.subList(from, Math.min(publications.size(), from + batch))) {
                fetches.add(new MetricRecorder.Fetch(id, metrics(id, at), null, at.plus(Duration.ofDays(1))));
            }
            recorder.record(fetches, Instant.now(), Map.of());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The reference: the same rows, a JDBC batch per {@code batch} rows, a commit each. */
    private double bare(List<Long> publications, Instant at) throws SQLException {
        int batch = config.metrics().batchSize();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metric_snapshot (publication_id, measured_at,"
                    + " imported_at, views, likes, comments, shares, saves, watch_time_seconds, average_view_seconds,"
                    + " average_percent_viewed, reach, followers_gained) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (long id : publications) {
                    VideoMetrics m = metrics(id, at);
                    insert.setLong(1, id);
                    insert.setObject(2, MetricRollups.utc(at));
                    insert.setObject(3, MetricRollups.utc(Instant.now()));
                    insert.setObject(4, m.views());
                    insert.setObject(5, m.likes());
                    insert.setObject(6, m.comments());
                    insert.setObject(7, m.shares());
                    insert.setObject(8, m.saves());
                    insert.setObject(9, m.watchTimeSeconds());
                    insert.setObject(10, m.averageViewSeconds());
                    insert.setObject(11, m.averagePercentViewed());
                    insert.setObject(12, m.reach());
                    insert.setObject(13, m.followersGained());
                    insert.addBatch();
                    if (++pending == batch) {
                        insert.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static VideoMetrics metrics(long id, Instant at) {
        long views = 10_000 + id % 977;
        return new VideoMetrics(at.truncatedTo(ChronoUnit.MICROS), views, views / 20, views / 200, views / 100, null,
                views * 8, 8.0, 45.0, null, views / 500);
    }

    /**
     * Content, publications, metrics rows, snapshots and day rows generated by MariaDB itself from its sequence
     * tables ({@code seq_1_to_N}), the bulk in a handful of INSERT ... SELECT statements.
     */
    private List<Long> seed(long brand, List<Long> channels) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String published = "'" + PUBLISHED.toString().replace("T", " ").replace("Z", "") + "'";
            long firstContent = next(sql, "content_item");
            sql.executeUpdate("INSERT INTO content_item (brand_id, title, platforms, state, created_by, created_at, updated_at)"
                    + " SELECT " + brand + ", CONCAT('Bench ', seq), 'YOUTUBE_SHORTS,TIKTOK,FACEBOOK_REELS', 'PUBLISHED', 'bench',"
                    + published + ", " + published + " FROM seq_1_to_" + CONTENT);
            List<Long> contents = new ArrayList<>();
            try (var rows = sql.executeQuery("SELECT id FROM content_item WHERE id >= " + firstContent + " AND brand_id = " + brand)) {
                while (rows.next()) {
                    contents.add(rows.getLong(1));
                }
            }
            List<Object[]> revisions = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO content_revision (content_id, number,"
                    + " sha256, canonical, created_by, created_at) VALUES (?, 1, REPEAT('b', 64), 'Bench', 'bench', " + published + ")",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (long content : contents) {
                    insert.setLong(1, content);
                    insert.executeUpdate();
                    try (var keys = insert.getGeneratedKeys()) {
                        keys.next();
                        revisions.add(new Object[] { content, keys.getLong(1) });
                    }
                }
            }
            long firstPublication = next(sql, "publication");
            List<Object[]> publications = new ArrayList<>();
            for (Object[] revision : revisions) {
                for (long channel : channels) {
                    publications.add(new Object[] { revision[0], channel, revision[1] });
                }
            }
            for (List<Object[]> chunk : MetricRollups.chunks(publications)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO publication (content_id, channel_id,"
                        + " scheduled_at, status, revision_id, slot_source, created_by, created_at, updated_at, published_at,"
                        + " platform_video_id) VALUES " + String.join(", ", java.util.Collections.nCopies(chunk.size(),
                        "(?, ?, " + published + ", 'PUBLISHED', ?, 'CHOSEN', 'bench', " + published + ", " + published + ", "
                        + published + ", 'bench')")))) {
                    int index = 1;
                    for (Object[] row : chunk) {
                        insert.setLong(index++, (Long) row[0]);
                        insert.setLong(index++, (Long) row[1]);
                        insert.setLong(index++, (Long) row[2]);
                    }
                    insert.executeUpdate();
                }
            }
            sql.executeUpdate("INSERT INTO publication_metrics (publication_id, content_id, brand_id, channel_id, platform,"
                    + " published_at, next_fetch_at, fetches, measured_at, views, likes, comments, shares, watch_time_seconds,"
                    + " average_percent_viewed, followers_gained) SELECT p.id, p.content_id, " + brand + ", p.channel_id, c.platform, p.published_at, NULL, " + SNAPSHOTS_EACH
                    + ", p.published_at + INTERVAL " + (DAYS_EACH - 1) + " DAY + INTERVAL 23 HOUR, " + DAYS_EACH + " * 120, "
                    + DAYS_EACH + " * 5, " + DAYS_EACH + ", " + DAYS_EACH + ", " + DAYS_EACH + " * 960, 45.0, " + DAYS_EACH + " DIV 4"
                    + " FROM publication p"
                    + " JOIN channel c ON c.id = p.channel_id WHERE p.id >= " + firstPublication + " AND p.created_by = 'bench'");
            // Its newest snapshot above is the last day row's below, as the recording path keeps them.
            // 100 snapshots a publication: spread over its first 40 days.
            sql.executeUpdate("INSERT INTO metric_snapshot (publication_id, measured_at, imported_at, views, likes, comments,"
                    + " shares, watch_time_seconds, average_view_seconds, average_percent_viewed, followers_gained)"
                    + " SELECT pm.publication_id, pm.published_at + INTERVAL (s.seq * 9) HOUR + INTERVAL (s.seq * 7) MINUTE, NOW(6),"
                    + " s.seq * 50, s.seq * 2, s.seq DIV 5, s.seq DIV 3, s.seq * 400, 8.0, 45.0, s.seq DIV 10"
                    + " FROM publication_metrics pm JOIN seq_1_to_" + SNAPSHOTS_EACH + " s WHERE pm.brand_id = " + brand);
            sql.executeUpdate("INSERT INTO publication_metric_day (publication_id, day, measured_at, views, likes, comments,"
                    + " shares, watch_time_seconds, percent_viewed_views, views_with_percent, followers_gained)"
                    + " SELECT pm.publication_id, DATE(pm.published_at) + INTERVAL (s.seq - 1) DAY,"
                    + " pm.published_at + INTERVAL (s.seq - 1) DAY + INTERVAL 23 HOUR, s.seq * 120, s.seq * 5, s.seq, s.seq,"
                    + " s.seq * 960, s.seq * 54.0, s.seq * 120, s.seq DIV 4"
                    + " FROM publication_metrics pm JOIN seq_1_to_" + DAYS_EACH + " s WHERE pm.brand_id = " + brand);
            List<Long> ids = new ArrayList<>(PUBLICATIONS);
            try (var rows = sql.executeQuery("SELECT publication_id FROM publication_metrics WHERE brand_id = " + brand
                    + " ORDER BY publication_id")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            assertThat(ids).hasSize(PUBLICATIONS);
            return ids;
        }
    }

    private static long next(Statement sql, String table) throws SQLException {
        try (var rows = sql.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
