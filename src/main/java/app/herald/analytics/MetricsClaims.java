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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The importer's share of the database, safe with several instances: published publications are adopted once (their
 * metrics row and their count in posts published), due rows are claimed with {@code FOR UPDATE SKIP LOCKED} in a short
 * transaction and leased (a stopped importer's rows fall due again when the lease runs out), and a rate-limited
 * channel's imports pause without touching its publishing.
 */
@ApplicationScoped
public class MetricsClaims {

    /** Due rows looked at per row claimed. */
    private static final int CANDIDATES = 4;

    /** A claimed publication, with what its fetch needs. */
    public record Due(long publicationId, long channelId, String videoId, Instant publishedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    HeraldConfig config;

    @Inject
    MetricRollups rollups;

    @Inject
    ImportSchedule schedule;

    /**
     * Gives up to {@code limit} PUBLISHED publications without a metrics row theirs, first fetch one schedule step after
     * publishing, and counts each in its day's posts published; returns how many. Two instances adopting at once each
     * count only the rows their own insert created (marked with a one-off token).
     */
    public int adopt(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Object[]> candidates = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT p.id, c.brand_id, p.channel_id, c.platform,"
                        + " COALESCE(p.published_at, p.updated_at) FROM publication p JOIN channel c ON c.id = p.channel_id"
                        + " WHERE p.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM publication_metrics pm"
                        + " WHERE pm.publication_id = p.id) ORDER BY p.id LIMIT ?")) {
                    select.setInt(1, limit);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            candidates.add(new Object[] { rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                                    MetricRollups.instant(rows.getObject(5, LocalDateTime.class)) });
                        }
                    }
                }
                return adopt(connection, candidates);
            }
        });
    }

    /**
     * Inserts metrics rows for {@code rows} ({@code [publication id, brand id, channel id, platform, published at]})
     * unless present, and counts the ones inserted in posts published; returns how many. On the caller's transaction.
     */
    int adopt(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String token = "adopt-" + UUID.randomUUID();
        for (List<Object[]> chunk : MetricRollups.chunks(rows)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO publication_metrics (publication_id,"
                    + " content_id, brand_id, channel_id, platform, published_at, next_fetch_at, claimed_by) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, (SELECT content_id FROM publication WHERE id = ?), ?, ?, ?, ?, ?, ?)")))) {
                int index = 1;
                for (Object[] row : chunk) {
                    Instant published = (Instant) row[4];
                    insert.setLong(index++, (Long) row[0]);
                    insert.setLong(index++, (Long) row[0]);
                    insert.setLong(index++, (Long) row[1]);
                    insert.setLong(index++, (Long) row[2]);
                    insert.setString(index++, (String) row[3]);
                    insert.setObject(index++, MetricRollups.utc(published));
                    insert.setObject(index++, MetricRollups.utc(schedule.next(published, published)));
                    insert.setString(index++, token);
                }
                insert.executeUpdate();
            }
        }
        List<MetricRollups.Target> mine = new ArrayList<>();
        Map<Long, Instant> publishedAt = new HashMap<>();
        Map<Long, ZoneId> zones = MetricRecorder.zones(connection, rows.stream().map(row -> (Long) row[1]).distinct().toList());
        for (List<Object[]> chunk : MetricRollups.chunks(rows)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT publication_id FROM publication_metrics"
                    + " WHERE claimed_by = ? AND publication_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                select.setString(1, token);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 2, (Long) chunk.get(i)[0]);
                }
                List<Long> inserted = new ArrayList<>();
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        inserted.add(found.getLong(1));
                    }
                }
                for (Object[] row : chunk) {
                    if (inserted.contains((Long) row[0])) {
                        mine.add(new MetricRollups.Target((Long) row[0], (Long) row[1], (Long) row[2], (String) row[3],
                                zones.get((Long) row[1]), List.of(), null));
                        publishedAt.put((Long) row[0], (Instant) row[4]);
                    }
                }
            }
        }
        rollups.published(connection, mine, publishedAt);
        try (PreparedStatement clear = connection.prepareStatement("UPDATE publication_metrics SET claimed_by = NULL"
                + " WHERE claimed_by = ? AND publication_id IN (" + String.join(", ", Collections.nCopies(mine.size(), "?")) + ")")) {
            clear.setString(1, token);
            for (int i = 0; i < mine.size(); i++) {
                clear.setLong(i + 2, mine.get(i).publicationId());
            }
            if (!mine.isEmpty()) {
                clear.executeUpdate();
            }
        }
        return mine.size();
    }

    /**
     * Claims up to {@code limit} due publications of channels whose imports are not paused, earliest due first; rows
     * another importer holds are skipped, never waited for.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> claim(String instance, Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> paused = em.createNativeQuery("SELECT id FROM channel WHERE metrics_paused_until > :now")
                .setParameter("now", now).getResultList();
        String due = "next_fetch_at <= :now AND (lease_until IS NULL OR lease_until < :now)"
                + (paused.isEmpty() ? "" : " AND channel_id NOT IN (:paused)");
        // Candidates first, without locks: a locking read that sorts would lock every due row it looked at, and every
        // other importer would find all of them taken. Several per row wanted, so importers claiming at once each
        // find their own among them.
        List<Long> seen = ids(withDue(em.createNativeQuery("SELECT publication_id FROM publication_metrics WHERE " + due
                + " ORDER BY next_fetch_at LIMIT :candidates"), now, paused).setParameter("candidates", limit * CANDIDATES));
        if (seen.isEmpty()) {
            return List.of();
        }
        // Then lock those still due on their current rows, skipping the ones another importer holds.
        List<Long> ids = ids(withDue(em.createNativeQuery("SELECT publication_id FROM publication_metrics WHERE publication_id"
                + " IN (:seen) AND " + due + " ORDER BY next_fetch_at LIMIT :limit FOR UPDATE SKIP LOCKED"), now, paused)
                .setParameter("seen", seen).setParameter("limit", limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant until = now.plus(config.metrics().lease());
        // Row by row on the primary key: an IN list may be run as a scan, which waits on rows other importers hold.
        // Only unindexed columns change; moving next_fetch_at would insert into the index other claimers scan. A
        // leased row is skipped by its lease instead.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE publication_metrics SET claimed_by = ?,"
                    + " lease_until = ? WHERE publication_id = ?")) {
                for (long id : ids) {
                    update.setString(1, instance);
                    update.setObject(2, MetricRollups.utc(until));
                    update.setLong(3, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT pm.publication_id, pm.channel_id, p.platform_video_id, pm.published_at"
                        + " FROM publication_metrics pm JOIN publication p ON p.id = pm.publication_id"
                        + " WHERE pm.publication_id IN (:ids) ORDER BY pm.channel_id, pm.publication_id")
                .setParameter("ids", ids).getResultList();
        return rows.stream().map(row -> new Due(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                asInstant(row[3]))).toList();
    }

    private static Query withDue(Query query, Instant now, List<Number> paused) {
        query.setParameter("now", now);
        if (!paused.isEmpty()) {
            query.setParameter("paused", paused.stream().map(Number::longValue).toList());
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Query query) {
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }

    /** Pauses the channel's imports (not its publishing) until {@code until}, saying why. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void pause(long channelId, Instant until, String reason) {
        em.createNativeQuery("UPDATE channel SET metrics_paused_until = :until, metrics_pause_reason = :reason WHERE id = :id")
                .setParameter("until", until).setParameter("reason", reason.length() <= 500 ? reason : reason.substring(0, 499) + "…")
                .setParameter("id", channelId).executeUpdate();
    }

    private static Instant asInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return MetricRollups.instant(timestamp.toLocalDateTime());
        }
        return MetricRollups.instant((LocalDateTime) value);
    }
}
