package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.channel.VideoMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The importer's recording path, one transaction per batch and a handful of multi-row statements: raw snapshots (a
 * snapshot already stored for the same instant is ignored), the day rollups, each publication's latest values and
 * schedule (its lease released), and the channels' "metrics as of".
 */
@ApplicationScoped
public class MetricRecorder {

    private static final List<String> SNAPSHOT_COLUMNS = List.of("views", "likes", "comments", "shares", "saves",
            "watch_time_seconds", "average_view_seconds", "average_percent_viewed", "reach", "followers_gained");

    @Inject
    DataSource dataSource;

    @Inject
    MetricRollups rollups;

    /**
     * What one fetch of one publication gave: its counters (null when the fetch brought none), a note for
     * {@code last_error} (null when all went well) and when to fetch next (null: never again).
     */
    public record Fetch(long publicationId, VideoMetrics metrics, String note, Instant nextFetchAt) {
    }

    /** Where a publication's metrics row places it, and its newest stored snapshot as day values (null: none yet). */
    private record Placed(long brandId, long channelId, String platform, Instant publishedAt, MetricRollups.Day newest) {
    }

    /** Records {@code fetches} (a publication may appear several times) and marks {@code channelsAsOf}, in one new transaction. */
    public void record(List<Fetch> fetches, Instant importedAt, Map<Long, Instant> channelsAsOf) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                write(connection, fetches, importedAt, channelsAsOf);
            } catch (SQLException e) {
                throw new IllegalStateException("Recording " + fetches.size() + " metrics fetches failed", e);
            }
        });
    }

    private void write(Connection connection, List<Fetch> fetches, Instant importedAt, Map<Long, Instant> channelsAsOf)
            throws SQLException {
        Set<Long> ids = new TreeSet<>();
        fetches.forEach(fetch -> ids.add(fetch.publicationId()));
        if (!ids.isEmpty()) {
            Map<Long, Placed> placed = lock(connection, ids);
            Map<Long, ZoneId> zones = zones(connection, placed.values().stream().map(Placed::brandId).distinct().toList());
            Map<Long, List<Fetch>> byPublication = new LinkedHashMap<>();
            for (Fetch fetch : fetches) {
                if (placed.containsKey(fetch.publicationId())) {
                    byPublication.computeIfAbsent(fetch.publicationId(), id -> new ArrayList<>()).add(fetch);
                }
            }
            insertSnapshots(connection, byPublication, importedAt);
            List<MetricRollups.Target> targets = new ArrayList<>();
            byPublication.forEach((id, mine) -> {
                Placed where = placed.get(id);
                List<MetricRollups.Reading> readings = mine.stream().filter(fetch -> fetch.metrics() != null)
                        .map(fetch -> new MetricRollups.Reading(fetch.metrics().asOf(), DayValues.of(fetch.metrics()))).toList();
                if (!readings.isEmpty()) {
                    targets.add(new MetricRollups.Target(id, where.brandId(), where.channelId(), where.platform(),
                            zones.get(where.brandId()), readings, where.newest()));
                }
            });
            rollups.apply(connection, targets);
            updateLatest(connection, byPublication, placed);
        }
        if (!channelsAsOf.isEmpty()) {
            // A fetch that went through also ends any import pause of the channel.
            try (PreparedStatement update = connection.prepareStatement("UPDATE channel SET metrics_as_of ="
                    + " GREATEST(COALESCE(metrics_as_of, ?), ?), metrics_paused_until = NULL, metrics_pause_reason = NULL"
                    + " WHERE id = ?")) {
                for (Map.Entry<Long, Instant> channel : new TreeMap<>(channelsAsOf).entrySet()) {
                    update.setObject(1, MetricRollups.utc(channel.getValue()));
                    update.setObject(2, MetricRollups.utc(channel.getValue()));
                    update.setLong(3, channel.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    /**
     * Locks the publications' metrics rows (one writer per publication at a time: a lease that ran out may have been
     * taken over) and reads where they belong and their newest snapshot, which spares the rollups a day-row read.
     */
    private static Map<Long, Placed> lock(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, Placed> placed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT publication_id, brand_id, channel_id, platform,"
                + " published_at, measured_at, " + String.join(", ", SNAPSHOT_COLUMNS) + " FROM publication_metrics WHERE publication_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY publication_id FOR UPDATE")) {
            int index = 1;
            for (long id : ids) {
                select.setLong(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant measured = MetricRollups.instant(rows.getObject(6, LocalDateTime.class));
                    MetricRollups.Day newest = measured == null ? null : new MetricRollups.Day(measured,
                            DayValues.of(MetricRollups.metrics(measured, rows, 7)));
                    placed.put(rows.getLong(1), new Placed(rows.getLong(2), rows.getLong(3), rows.getString(4),
                            MetricRollups.instant(rows.getObject(5, LocalDateTime.class)), newest));
                }
            }
        }
        return placed;
    }

    static Map<Long, ZoneId> zones(Connection connection, List<Long> brands) throws SQLException {
        Map<Long, ZoneId> zones = new HashMap<>();
        if (brands.isEmpty()) {
            return zones;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, timezone FROM brand WHERE id IN ("
                + String.join(", ", Collections.nCopies(brands.size(), "?")) + ")")) {
            for (int i = 0; i < brands.size(); i++) {
                select.setLong(i + 1, brands.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    zones.put(rows.getLong(1), ZoneId.of(rows.getString(2)));
                }
            }
        }
        return zones;
    }

    private static void insertSnapshots(Connection connection, Map<Long, List<Fetch>> byPublication, Instant importedAt)
            throws SQLException {
        List<Fetch> measured = byPublication.values().stream().flatMap(List::stream).filter(fetch -> fetch.metrics() != null).toList();
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO metric_snapshot (publication_id,"
                + " measured_at, imported_at, " + String.join(", ", SNAPSHOT_COLUMNS) + ") VALUES "
                + MetricRollups.placeholders(3 + SNAPSHOT_COLUMNS.size()))) {
            for (Fetch fetch : measured) {
                insert.setLong(1, fetch.publicationId());
                insert.setObject(2, MetricRollups.utc(fetch.metrics().asOf()));
                insert.setObject(3, MetricRollups.utc(importedAt));
                bindSnapshot(insert, 4, fetch.metrics());
                insert.addBatch();
            }
            MetricRollups.execute(insert, measured.size());
        }
    }

    /**
     * Each publication's schedule, note and fetch count, its lease released, and its latest values when this batch
     * holds a later snapshot than the stored one (the same rule as the rollups: the first of two at one instant stays).
     * Every row exists (it was locked), so this is one UPDATE joined to the batch's values rather than an upsert; the
     * "newer" flag is decided here from the locked row, so no assignment depends on another one's order.
     */
    private static void updateLatest(Connection connection, Map<Long, List<Fetch>> byPublication, Map<Long, Placed> placed)
            throws SQLException {
        String assignments = SNAPSHOT_COLUMNS.stream().map(c -> "pm." + c + " = IF(v.newer, v." + c + ", pm." + c + ")")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        // The empty first SELECT names and types the columns of the VALUES rows that follow it.
        String header = "SELECT CAST(0 AS SIGNED) AS id, CAST(NULL AS DATETIME(6)) AS next_fetch_at, 0 AS fetches,"
                + " CAST(NULL AS CHAR(1000)) AS last_error, FALSE AS newer, CAST(NULL AS DATETIME(6)) AS measured_at, "
                + SNAPSHOT_COLUMNS.stream().map(c -> (c.startsWith("average") ? "CAST(NULL AS DOUBLE) AS " : "CAST(NULL AS SIGNED) AS ") + c)
                        .reduce((a, b) -> a + ", " + b).orElseThrow() + " FROM DUAL WHERE FALSE";
        List<Long> ids = new ArrayList<>(byPublication.keySet());
        for (List<Long> chunk : MetricRollups.chunks(ids)) {
            String sql = "UPDATE publication_metrics pm JOIN (" + header + " UNION ALL VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), MetricRollups.placeholders(6 + SNAPSHOT_COLUMNS.size())))
                    + ") v ON pm.publication_id = v.id SET pm.next_fetch_at = v.next_fetch_at, pm.fetches = pm.fetches + v.fetches,"
                    + " pm.last_error = v.last_error, pm.claimed_by = NULL, pm.lease_until = NULL, " + assignments
                    + ", pm.measured_at = IF(v.newer, v.measured_at, pm.measured_at)";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                for (long id : chunk) {
                    List<Fetch> mine = byPublication.get(id);
                    MetricRollups.Day stored = placed.get(id).newest();
                    Fetch last = mine.get(mine.size() - 1);
                    Fetch newest = null;
                    for (Fetch fetch : mine) {
                        if (fetch.metrics() != null && (newest == null || fetch.metrics().asOf().isAfter(newest.metrics().asOf()))) {
                            newest = fetch;
                        }
                    }
                    boolean newer = newest != null && (stored == null || newest.metrics().asOf().isAfter(stored.measuredAt()));
                    update.setLong(index++, id);
                    update.setObject(index++, MetricRollups.utc(last.nextFetchAt()));
                    update.setInt(index++, mine.size());
                    update.setString(index++, last.note() == null ? null : abbreviate(last.note()));
                    update.setBoolean(index++, newer);
                    update.setObject(index++, newer ? MetricRollups.utc(newest.metrics().asOf()) : null);
                    index = bindSnapshot(update, index, newer ? newest.metrics() : null);
                }
                update.executeUpdate();
            }
        }
    }

    private static int bindSnapshot(PreparedStatement statement, int index, VideoMetrics metrics) throws SQLException {
        Object[] values = metrics == null ? new Object[SNAPSHOT_COLUMNS.size()] : new Object[] { metrics.views(),
                metrics.likes(), metrics.comments(), metrics.shares(), metrics.saves(), metrics.watchTimeSeconds(),
                metrics.averageViewSeconds(), metrics.averagePercentViewed(), metrics.reach(), metrics.followersGained() };
        for (Object value : values) {
            if (value == null) {
                statement.setNull(index++, java.sql.Types.BIGINT);
            } else {
                statement.setObject(index++, value);
            }
        }
        return index;
    }

    private static String abbreviate(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 999) + "…";
    }
}
