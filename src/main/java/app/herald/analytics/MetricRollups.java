package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.channel.VideoMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the day rollups right as snapshots arrive in any order: per publication and day the cumulative values of the
 * day's latest snapshot, and per channel, platform and brand the day's gains (cumulative(day) minus cumulative on the
 * previous day with a value, per metric). A changed day moves its own gain and the next day's by opposite amounts, so
 * an older snapshot, a counter that went down or a duplicate leaves exactly what {@link #recompute} derives from the
 * raw snapshots. Everything is written with multi-row statements on the caller's connection.
 */
@ApplicationScoped
public class MetricRollups {

    private static final int ROWS_PER_STATEMENT = 500;

    @Inject
    DataSource dataSource;

    /**
     * One publication's new readings, with what places them: its brand's zone, channel and platform, and its newest
     * stored snapshot as day values ({@code newest}, null when unknown or none).
     */
    record Target(long publicationId, long brandId, long channelId, String platform, ZoneId zone, List<Reading> readings,
            Day newest) {
    }

    record Reading(Instant measuredAt, DayValues values) {
    }

    /** A publication's day: when its latest snapshot was measured, and its cumulative values then. */
    record Day(Instant measuredAt, DayValues values) {
    }

    /** A rollup row's key: a channel's day, a platform's day in a brand, or a brand's day (unused parts are null). */
    record Cell(Long channelId, long brandId, String platform, LocalDate day) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell other) {
            int order = Long.compare(brandId, other.brandId);
            order = order != 0 ? order : String.valueOf(platform).compareTo(String.valueOf(other.platform));
            order = order != 0 ? order : Long.compare(channelId == null ? -1 : channelId, other.channelId == null ? -1 : other.channelId);
            return order != 0 ? order : day.compareTo(other.day);
        }
    }

    /** A rollup row's content: posts published and the gains (null: no publication gives the metric that day). */
    static final class Sums {
        int posts;
        final Double[] gains = new Double[DayValues.COLUMNS.size()];

        void add(int column, double gain) {
            gains[column] = (gains[column] == null ? 0 : gains[column]) + gain;
        }
    }

    /** All rollups of a brand, as stored or as recomputed: the two compare equal when the increments were right. */
    public record Snapshot(Map<Long, Map<LocalDate, Day>> publicationDays, Map<Cell, Sums> cells) {
    }

    private enum Level {
        CHANNEL("channel_metric_day", "channel_id, day, brand_id, platform", 4),
        PLATFORM("platform_metric_day", "brand_id, platform, day", 3),
        BRAND("brand_metric_day", "brand_id, day", 2);

        final String table;
        final String keys;
        final int keyCount;

        Level(String table, String keys, int keyCount) {
            this.table = table;
            this.keys = keys;
            this.keyCount = keyCount;
        }

        Cell cell(Target target, LocalDate day) {
            return switch (this) {
                case CHANNEL -> new Cell(target.channelId(), target.brandId(), target.platform(), day);
                case PLATFORM -> new Cell(null, target.brandId(), target.platform(), day);
                case BRAND -> new Cell(null, target.brandId(), null, day);
            };
        }

        int bindKey(PreparedStatement statement, int index, Cell cell) throws SQLException {
            switch (this) {
                case CHANNEL -> {
                    statement.setLong(index++, cell.channelId());
                    statement.setObject(index++, cell.day());
                    statement.setLong(index++, cell.brandId());
                    statement.setString(index++, cell.platform());
                }
                case PLATFORM -> {
                    statement.setLong(index++, cell.brandId());
                    statement.setString(index++, cell.platform());
                    statement.setObject(index++, cell.day());
                }
                case BRAND -> {
                    statement.setLong(index++, cell.brandId());
                    statement.setObject(index++, cell.day());
                }
            }
            return index;
        }

        /** Rows of this level's cell that still hold a value of {@code column} that day (their absence means NULL). */
        String anyValue(String column) {
            String from = " FROM publication_metric_day x JOIN publication_metrics pm ON pm.publication_id = x.publication_id"
                    + " WHERE x.day = t.day AND x." + column + " IS NOT NULL AND pm.brand_id = t.brand_id";
            return switch (this) {
                case CHANNEL -> from + " AND pm.channel_id = t.channel_id";
                case PLATFORM -> from + " AND pm.platform = t.platform";
                case BRAND -> from;
            };
        }

        String where() {
            return switch (this) {
                case CHANNEL -> "t.channel_id = ? AND t.day = ?";
                case PLATFORM -> "t.brand_id = ? AND t.platform = ? AND t.day = ?";
                case BRAND -> "t.brand_id = ? AND t.day = ?";
            };
        }
    }

    /** Applies {@code targets}' readings to the rollups (their snapshots are stored by the caller, same transaction). */
    void apply(Connection connection, List<Target> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        Map<Long, NavigableMap<LocalDate, Day>> known = new HashMap<>();
        Map<Long, LocalDate> olderUnread = new HashMap<>();
        Map<Long, NavigableMap<LocalDate, Reading>> latest = new HashMap<>();
        for (Target target : targets) {
            NavigableMap<LocalDate, Reading> byDay = new TreeMap<>();
            for (Reading reading : target.readings()) {
                // The day's latest reading; of two measured at the same instant the first stays, as in metric_snapshot.
                byDay.merge(day(reading.measuredAt(), target.zone()), reading,
                        (kept, next) -> next.measuredAt().isAfter(kept.measuredAt()) ? next : kept);
            }
            latest.put(target.publicationId(), byDay);
        }
        load(connection, targets, latest, known, olderUnread);

        Map<Level, Map<Cell, Sums>> sums = new HashMap<>();
        Map<Level, Set<Map.Entry<Cell, Integer>>> emptied = new HashMap<>();
        List<Object[]> freshDays = new ArrayList<>();
        List<Object[]> changedDays = new ArrayList<>();
        for (Target target : targets) {
            long id = target.publicationId();
            NavigableMap<LocalDate, Day> days = known.get(id);
            for (Map.Entry<LocalDate, Reading> entry : latest.get(id).entrySet()) {
                LocalDate day = entry.getKey();
                Reading reading = entry.getValue();
                Day before = days.get(day);
                if (before != null && !reading.measuredAt().isAfter(before.measuredAt())) {
                    continue;
                }
                for (int column = 0; column < DayValues.COLUMNS.size(); column++) {
                    Double was = before == null ? null : before.values().get(column);
                    Double now = reading.values().get(column);
                    if (was == null && now == null) {
                        continue;
                    }
                    double carried = carried(connection, id, days, day, column, olderUnread.get(id));
                    double delta = (now != null ? now : carried) - (was != null ? was : carried);
                    for (Level level : Level.values()) {
                        sums.computeIfAbsent(level, l -> new TreeMap<>()).computeIfAbsent(level.cell(target, day), c -> new Sums())
                                .add(column, delta);
                        if (now == null) {
                            emptied.computeIfAbsent(level, l -> new LinkedHashSet<>()).add(Map.entry(level.cell(target, day), column));
                        }
                    }
                    LocalDate next = next(days, day, column);
                    if (next != null && delta != 0) {
                        for (Level level : Level.values()) {
                            sums.get(level).computeIfAbsent(level.cell(target, next), c -> new Sums()).add(column, -delta);
                        }
                    }
                }
                days.put(day, new Day(reading.measuredAt(), reading.values()));
                (before == null ? freshDays : changedDays).add(new Object[] { id, day, reading.measuredAt(), reading.values() });
            }
        }
        writeDays(connection, freshDays, changedDays);
        for (Level level : Level.values()) {
            write(connection, level, sums.getOrDefault(level, Map.of()));
            for (Map.Entry<Cell, Integer> cell : emptied.getOrDefault(level, Set.of())) {
                clearIfEmpty(connection, level, cell.getKey(), DayValues.COLUMNS.get(cell.getValue()));
            }
        }
    }

    /** Counts publications as published on their day (in their brand's zone), once each: called when they are adopted. */
    void published(Connection connection, List<Target> publications, Map<Long, Instant> publishedAt) throws SQLException {
        Map<Level, Map<Cell, Sums>> sums = new HashMap<>();
        for (Target target : publications) {
            LocalDate day = day(publishedAt.get(target.publicationId()), target.zone());
            for (Level level : Level.values()) {
                sums.computeIfAbsent(level, l -> new TreeMap<>()).computeIfAbsent(level.cell(target, day), c -> new Sums()).posts++;
            }
        }
        for (Level level : Level.values()) {
            write(connection, level, sums.getOrDefault(level, Map.of()));
        }
    }

    static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * The publication's cumulative value of {@code column} before {@code day}: the last day before it that has one,
     * read from the database when the days loaded do not reach back far enough; 0 when there is none.
     */
    private static double carried(Connection connection, long publicationId, NavigableMap<LocalDate, Day> days, LocalDate day,
            int column, LocalDate olderUnread) throws SQLException {
        for (Day earlier : days.headMap(day, false).descendingMap().values()) {
            if (earlier.values().get(column) != null) {
                return earlier.values().get(column);
            }
        }
        if (olderUnread == null) {
            return 0;
        }
        String name = DayValues.COLUMNS.get(column);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + name + " FROM publication_metric_day"
                + " WHERE publication_id = ? AND day < ? AND " + name + " IS NOT NULL ORDER BY day DESC LIMIT 1")) {
            select.setLong(1, publicationId);
            select.setObject(2, olderUnread);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getDouble(1) : 0;
            }
        }
    }

    private static LocalDate next(NavigableMap<LocalDate, Day> days, LocalDate day, int column) {
        for (Map.Entry<LocalDate, Day> later : days.tailMap(day, false).entrySet()) {
            if (later.getValue().values().get(column) != null) {
                return later.getKey();
            }
        }
        return null;
    }

    /**
     * For each publication: its stored days from the day before its earliest new reading's day (the last one with
     * data) on. Days further back stay unread unless a value must be carried from them ({@code olderUnread}). When all
     * new readings fall on days after the newest stored snapshot's (the usual import), that snapshot is the last day
     * with data, and no day row is read.
     */
    private static void load(Connection connection, List<Target> targets, Map<Long, NavigableMap<LocalDate, Reading>> latest,
            Map<Long, NavigableMap<LocalDate, Day>> known, Map<Long, LocalDate> olderUnread) throws SQLException {
        List<Target> unknown = new ArrayList<>();
        for (Target target : targets) {
            NavigableMap<LocalDate, Day> days = new TreeMap<>();
            known.put(target.publicationId(), days);
            LocalDate newest = target.newest() == null ? null : day(target.newest().measuredAt(), target.zone());
            if (newest != null && newest.isBefore(latest.get(target.publicationId()).firstKey())) {
                days.put(newest, target.newest());
                olderUnread.put(target.publicationId(), newest);
            } else {
                unknown.add(target);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        String columns = String.join(", ", DayValues.COLUMNS);
        for (int i = 0; i < unknown.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT publication_id, day, measured_at, ").append(columns)
                    .append(" FROM publication_metric_day WHERE publication_id = ? AND day >= COALESCE((SELECT MAX(day)")
                    .append(" FROM publication_metric_day WHERE publication_id = ? AND day < ?), ?))");
        }
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Target target : unknown) {
                LocalDate first = latest.get(target.publicationId()).firstKey();
                select.setLong(index++, target.publicationId());
                select.setLong(index++, target.publicationId());
                select.setObject(index++, first);
                select.setObject(index++, first);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    LocalDate day = rows.getObject(2, LocalDate.class);
                    known.get(id).put(day, new Day(instant(rows.getObject(3, LocalDateTime.class)), values(rows, 4)));
                    if (day.isBefore(latest.get(id).firstKey())) {
                        olderUnread.put(id, day);
                    }
                }
            }
        }
    }

    /** Writes day rows: {@code fresh} ones (no row for their day yet) in one bulk INSERT batch, the others upserted. */
    private static void writeDays(Connection connection, List<Object[]> fresh, List<Object[]> changed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO publication_metric_day (publication_id, day,"
                + " measured_at, " + String.join(", ", DayValues.COLUMNS) + ") VALUES " + placeholders(3 + DayValues.COLUMNS.size()))) {
            for (Object[] row : fresh) {
                insert.setLong(1, (Long) row[0]);
                insert.setObject(2, row[1]);
                insert.setObject(3, utc((Instant) row[2]));
                bind(insert, 4, ((DayValues) row[3]).values());
                insert.addBatch();
            }
            execute(insert, fresh.size());
        }
        upsertDays(connection, changed);
    }

    private static void upsertDays(Connection connection, List<Object[]> rows) throws SQLException {
        String columns = String.join(", ", DayValues.COLUMNS);
        String updates = DayValues.COLUMNS.stream().map(c -> c + " = VALUES(" + c + ")").reduce((a, b) -> a + ", " + b).orElseThrow();
        for (List<Object[]> chunk : chunks(rows)) {
            String sql = "INSERT INTO publication_metric_day (publication_id, day, measured_at, " + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), placeholders(3 + DayValues.COLUMNS.size())))
                    + " ON DUPLICATE KEY UPDATE measured_at = VALUES(measured_at), " + updates;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : chunk) {
                    insert.setLong(index++, (Long) row[0]);
                    insert.setObject(index++, row[1]);
                    insert.setObject(index++, utc((Instant) row[2]));
                    index = bind(insert, index, ((DayValues) row[3]).values());
                }
                insert.executeUpdate();
            }
        }
    }

    /** Adds {@code sums} to the level's rows (created when missing), in key order so concurrent writers never deadlock. */
    private static void write(Connection connection, Level level, Map<Cell, Sums> sums) throws SQLException {
        String columns = String.join(", ", DayValues.COLUMNS);
        String updates = DayValues.COLUMNS.stream()
                .map(c -> c + " = IF(VALUES(" + c + ") IS NULL, " + c + ", COALESCE(" + c + ", 0) + VALUES(" + c + "))")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        List<Map.Entry<Cell, Sums>> entries = new ArrayList<>(sums.entrySet());
        for (List<Map.Entry<Cell, Sums>> chunk : chunks(entries)) {
            String sql = "INSERT INTO " + level.table + " (" + level.keys + ", posts_published, " + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), placeholders(level.keyCount + 1 + DayValues.COLUMNS.size())))
                    + " ON DUPLICATE KEY UPDATE posts_published = posts_published + VALUES(posts_published), " + updates;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Map.Entry<Cell, Sums> entry : chunk) {
                    index = level.bindKey(insert, index, entry.getKey());
                    insert.setInt(index++, entry.getValue().posts);
                    index = bind(insert, index, entry.getValue().gains);
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * Runs a batch of plain single-row INSERTs: the driver sends it as one bulk command with binary parameters
     * (Connector/J's useBulkStmtsForInserts), cheaper for the server than one long multi-row text statement. Upserts
     * stay multi-row statements: the driver sends a batch of those row by row.
     */
    static void execute(PreparedStatement batch, int rows) throws SQLException {
        if (rows > 0) {
            batch.executeBatch();
        }
    }

    /** A metric no publication of the cell gives that day any more is NULL again, not 0. */
    private static void clearIfEmpty(Connection connection, Level level, Cell cell, String column) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + level.table + " t SET t." + column + " = NULL WHERE "
                + level.where() + " AND NOT EXISTS (SELECT 1" + level.anyValue(column) + ")")) {
            int index = 1;
            if (level == Level.CHANNEL) {
                update.setLong(index++, cell.channelId());
            } else {
                update.setLong(index++, cell.brandId());
            }
            if (level == Level.PLATFORM) {
                update.setString(index++, cell.platform());
            }
            update.setObject(index, cell.day());
            update.executeUpdate();
        }
    }

    /** The brand's rollups as stored. */
    public Snapshot stored(long brandId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Map<Long, Map<LocalDate, Day>> days = new TreeMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT x.publication_id, x.day, x.measured_at, "
                        + String.join(", ", DayValues.COLUMNS.stream().map(c -> "x." + c).toList())
                        + " FROM publication_metric_day x JOIN publication_metrics pm ON pm.publication_id = x.publication_id"
                        + " WHERE pm.brand_id = ?")) {
                    select.setLong(1, brandId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            days.computeIfAbsent(rows.getLong(1), id -> new TreeMap<>()).put(rows.getObject(2, LocalDate.class),
                                    new Day(instant(rows.getObject(3, LocalDateTime.class)), values(rows, 4)));
                        }
                    }
                }
                Map<Cell, Sums> cells = new TreeMap<>();
                for (Level level : Level.values()) {
                    try (PreparedStatement select = connection.prepareStatement("SELECT " + level.keys + ", posts_published, "
                            + String.join(", ", DayValues.COLUMNS) + " FROM " + level.table + " WHERE brand_id = ?")) {
                        select.setLong(1, brandId);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                Cell cell = switch (level) {
                                    case CHANNEL -> new Cell(rows.getLong(1), rows.getLong(3), rows.getString(4), rows.getObject(2, LocalDate.class));
                                    case PLATFORM -> new Cell(null, rows.getLong(1), rows.getString(2), rows.getObject(3, LocalDate.class));
                                    case BRAND -> new Cell(null, rows.getLong(1), null, rows.getObject(2, LocalDate.class));
                                };
                                Sums sums = new Sums();
                                sums.posts = rows.getInt(level.keyCount + 1);
                                Double[] values = values(rows, level.keyCount + 2).values();
                                System.arraycopy(values, 0, sums.gains, 0, values.length);
                                cells.put(cell, sums);
                            }
                        }
                    }
                }
                return new Snapshot(days, cells);
            }
        });
    }

    /** The brand's rollups derived from the raw snapshots alone, as they would be after importing them in any order. */
    public Snapshot recompute(long brandId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                ZoneId zone;
                try (PreparedStatement select = connection.prepareStatement("SELECT timezone FROM brand WHERE id = ?")) {
                    select.setLong(1, brandId);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        zone = ZoneId.of(rows.getString(1));
                    }
                }
                Map<Long, Map<LocalDate, Day>> days = new TreeMap<>();
                Map<Cell, Sums> cells = new TreeMap<>();
                Map<Long, Target> targets = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT pm.publication_id, pm.channel_id,"
                        + " pm.platform, pm.published_at FROM publication_metrics pm WHERE pm.brand_id = ?")) {
                    select.setLong(1, brandId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Target target = new Target(rows.getLong(1), brandId, rows.getLong(2), rows.getString(3), zone, List.of(), null);
                            targets.put(target.publicationId(), target);
                            LocalDate published = day(instant(rows.getObject(4, LocalDateTime.class)), zone);
                            for (Level level : Level.values()) {
                                cells.computeIfAbsent(level.cell(target, published), c -> new Sums()).posts++;
                            }
                        }
                    }
                }
                try (PreparedStatement select = connection.prepareStatement("SELECT s.publication_id, s.measured_at, s.views,"
                        + " s.likes, s.comments, s.shares, s.saves, s.watch_time_seconds, s.average_view_seconds,"
                        + " s.average_percent_viewed, s.reach, s.followers_gained FROM metric_snapshot s"
                        + " JOIN publication_metrics pm ON pm.publication_id = s.publication_id WHERE pm.brand_id = ?"
                        + " ORDER BY s.publication_id, s.measured_at")) {
                    select.setLong(1, brandId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Instant measured = instant(rows.getObject(2, LocalDateTime.class));
                            DayValues values = DayValues.of(metrics(measured, rows, 3));
                            days.computeIfAbsent(rows.getLong(1), id -> new TreeMap<>()).put(day(measured, zone), new Day(measured, values));
                        }
                    }
                }
                for (Map.Entry<Long, Map<LocalDate, Day>> publication : days.entrySet()) {
                    Target target = targets.get(publication.getKey());
                    Double[] last = new Double[DayValues.COLUMNS.size()];
                    for (Map.Entry<LocalDate, Day> day : publication.getValue().entrySet()) {
                        for (int column = 0; column < last.length; column++) {
                            Double value = day.getValue().values().get(column);
                            if (value != null) {
                                double gain = value - (last[column] == null ? 0 : last[column]);
                                for (Level level : Level.values()) {
                                    cells.computeIfAbsent(level.cell(target, day.getKey()), c -> new Sums()).add(column, gain);
                                }
                                last[column] = value;
                            }
                        }
                    }
                }
                return new Snapshot(days, cells);
            }
        });
    }

    /** Replaces the brand's rollups with {@link #recompute}'s: an administrator's repair, and a test's reference. */
    public void rebuild(long brandId) {
        Snapshot fresh = recompute(brandId);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE x FROM publication_metric_day x"
                        + " JOIN publication_metrics pm ON pm.publication_id = x.publication_id WHERE pm.brand_id = ?")) {
                    delete.setLong(1, brandId);
                    delete.executeUpdate();
                }
                for (Level level : Level.values()) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + level.table + " WHERE brand_id = ?")) {
                        delete.setLong(1, brandId);
                        delete.executeUpdate();
                    }
                }
                List<Object[]> rows = new ArrayList<>();
                fresh.publicationDays().forEach((id, days) -> days.forEach((day, value) ->
                        rows.add(new Object[] { id, day, value.measuredAt(), value.values() })));
                writeDays(connection, rows, List.of());
                for (Level level : Level.values()) {
                    Map<Cell, Sums> mine = new TreeMap<>();
                    fresh.cells().forEach((cell, sums) -> {
                        if (levelOf(cell) == level) {
                            mine.put(cell, sums);
                        }
                    });
                    write(connection, level, mine);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Rebuilding the metric rollups of brand " + brandId + " failed", e);
            }
        });
    }

    private static Level levelOf(Cell cell) {
        return cell.channelId() != null ? Level.CHANNEL : cell.platform() != null ? Level.PLATFORM : Level.BRAND;
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    /** Binds the ten day values, whole counts as BIGINT and the one fraction as DOUBLE, nulls as NULL. */
    static int bind(PreparedStatement statement, int index, Double[] values) throws SQLException {
        for (int column = 0; column < values.length; column++) {
            Double value = values[column];
            if (value == null) {
                statement.setNull(index++, column == DayValues.PERCENT_VIEWED_VIEWS ? java.sql.Types.DOUBLE : java.sql.Types.BIGINT);
            } else if (column == DayValues.PERCENT_VIEWED_VIEWS) {
                statement.setDouble(index++, value);
            } else {
                statement.setLong(index++, Math.round(value));
            }
        }
        return index;
    }

    private static DayValues values(ResultSet rows, int first) throws SQLException {
        Double[] values = new Double[DayValues.COLUMNS.size()];
        for (int column = 0; column < values.length; column++) {
            double value = rows.getDouble(first + column);
            values[column] = rows.wasNull() ? null : value;
        }
        return new DayValues(values);
    }

    /** A snapshot's ten counters read from {@code first} on, in metric_snapshot's column order. */
    static VideoMetrics metrics(Instant measured, ResultSet rows, int first) throws SQLException {
        return new VideoMetrics(measured, whole(rows, first), whole(rows, first + 1), whole(rows, first + 2),
                whole(rows, first + 3), whole(rows, first + 4), whole(rows, first + 5), decimal(rows, first + 6),
                decimal(rows, first + 7), whole(rows, first + 8), whole(rows, first + 9));
    }

    static Long whole(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    static Double decimal(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
