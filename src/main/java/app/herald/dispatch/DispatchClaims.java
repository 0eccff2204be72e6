package app.herald.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import app.herald.calendar.Publication;
import app.herald.channel.Channel;
import app.herald.channel.ChannelRef;
import app.herald.channel.Connectors;
import app.herald.channel.SandboxFailureMode;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;

/**
 * Claims due publications in the database so that no two dispatchers (threads or instances) ever take the same one,
 * and no channel has two posts in flight: rows are locked with {@code FOR UPDATE SKIP LOCKED}, then both the
 * publication and its channel get a lease. Leases are renewed with each committed step and run out when a worker
 * stops, which lets another one take over from the stored handle.
 */
@ApplicationScoped
public class DispatchClaims {

    /**
     * A channel that may take a post now: active, not paused by its platform, not held by a dispatcher (both
     * parameters are now).
     */
    private static final String FREE = "c.status = 'ACTIVE' AND (c.paused_until IS NULL OR c.paused_until <= ?)"
            + " AND (c.dispatch_lease_until IS NULL OR c.dispatch_lease_until < ?)";

    /** Channels looked at per publication claimed, so that dispatchers claiming at once do not all want the same. */
    private static final int CANDIDATES_PER_CLAIM = 2;

    /** The connectors and what they serve are fixed once the application runs. */
    private volatile String served;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    Connectors connectors;

    @Inject
    HeraldConfig config;

    @Inject
    DispatchMetrics metrics;

    /**
     * Claims up to {@code limit} due publications, each on a different channel; returns their ids. Only the channels'
     * leases are written here: the rows stay locked until this commits, so the publication's own lease and its move
     * to CLAIMED (with its audit row) wait for the worker's first step. Plain JDBC on a connection of its own (any
     * caller's transaction suspended): this runs for every post and between every two posts of a busy instance, and
     * it needs none of what an entity manager and a JTA transaction cost.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<Long> claim(String instance, Instant now, int limit) {
        String servedBy = servedCondition();
        if (servedBy.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> claimed = claim(connection, servedBy, instance, LocalDateTime.ofInstant(now, ZoneOffset.UTC), limit);
                connection.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming due publications failed: " + e.getMessage(), e);
        }
    }

    private List<Long> claim(Connection connection, String servedBy, String instance, LocalDateTime now, int limit)
            throws SQLException {
        // Channels first, one post per channel in flight, in turn: the one whose dispatcher let go of it longest ago
        // (or never held it) first, with its earliest due publication (one dive into the (channel_id, due_at) index;
        // due_at passes once the slot, the next attempt and any lease are all behind us). Walking the channels in the
        // order of their lease index stops at the first candidates found, instead of reading every free channel's
        // publications to sort them by due time; busy channels come last in that index and are never reached while
        // enough others are due. The optimizer would rather sort the whole table, hence the hint. This read takes no
        // locks (a locking read that sorted would lock every channel it looked at, and every other dispatcher would
        // find them all taken). The rest of this transaction reads the same snapshot, and the worker's first step
        // (take) checks on the current row that its publication is still due, should another dispatcher's last step
        // on the channel come after this snapshot.
        Map<Long, Long> candidates = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.id, (SELECT p.id FROM publication p"
                + " WHERE p.channel_id = c.id AND p.due_at <= ? ORDER BY p.due_at, p.id LIMIT 1) AS next"
                + " FROM channel c FORCE INDEX (ix_channel_turn) WHERE " + FREE + " AND (" + servedBy + ")"
                + " HAVING next IS NOT NULL ORDER BY c.dispatch_lease_until LIMIT ?")) {
            select.setObject(1, now);
            select.setObject(2, now);
            select.setObject(3, now);
            select.setInt(4, limit * CANDIDATES_PER_CLAIM);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // Then lock up to limit of them that no other dispatcher holds, checked again on their current rows; with
        // several candidates per claim, dispatchers claiming at the same moment each get their own.
        List<Long> channels = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement("SELECT c.id FROM channel c WHERE c.id IN ("
                + placeholders(candidates.size()) + ") AND " + FREE + " ORDER BY c.id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int index = 1;
            for (long channel : candidates.keySet()) {
                lock.setLong(index++, channel);
            }
            lock.setObject(index++, now);
            lock.setObject(index++, now);
            lock.setInt(index, limit);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    channels.add(rows.getLong(1));
                }
            }
        }
        if (channels.isEmpty()) {
            return List.of();
        }
        // One statement for the whole batch: the rows are locked until commit, so keep the commit near. The
        // publications get their lease from the worker's first step (take), in the commit that moves them anyway.
        try (PreparedStatement lease = connection.prepareStatement("UPDATE channel SET dispatch_owner = ?, dispatch_lease_until = ?"
                + " WHERE id IN (" + placeholders(channels.size()) + ")")) {
            lease.setString(1, instance);
            lease.setObject(2, now.plus(config.dispatch().lease()));
            int index = 3;
            for (long channel : channels) {
                lease.setLong(index++, channel);
            }
            lease.executeUpdate();
        }
        return channels.stream().map(candidates::get).toList();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * A worker's first step on a publication its dispatcher claimed: takes the publication's lease while
     * {@code instance} holds its channel's (a claim leases only the channel); false when that lease is gone, or the
     * publication is no longer due (done meanwhile, waiting for a retry, held by another live lease).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(Publication publication, String instance, Instant now) {
        // due_at counts a live lease too, so a publication another worker still holds is not due.
        if (publication.dueAt == null || publication.dueAt.isAfter(now)) {
            return false;
        }
        Channel channel = publication.channel;
        if (!instance.equals(channel.dispatchOwner) || channel.dispatchLeaseUntil == null || !channel.dispatchLeaseUntil.isAfter(now)) {
            return false;
        }
        publication.claimedBy = instance;
        publication.leaseUntil = channel.dispatchLeaseUntil;
        publication.claimedAt = now;
        // Due at its slot less the upload lead, or at its next attempt when that is later (as due_at says).
        Instant due = publication.scheduledAt.minus(Duration.ofMinutes(publication.uploadLeadMinutes));
        if (publication.nextAttemptAt != null && publication.nextAttemptAt.isAfter(due)) {
            due = publication.nextAttemptAt;
        }
        metrics.claimed(Duration.between(due, now));
        return true;
    }

    /** How many channels are paused by a platform's rate limit now, for the dispatcher's gauge. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pausedChannels(Instant now) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM channel WHERE paused_until > :now")
                .setParameter("now", now).getSingleResult()).longValue();
    }

    /**
     * Keeps the leases of a publication and its channel alive (extended once half is gone); false when
     * {@code instance} no longer holds them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renew(Publication publication, String instance, Instant now) {
        if (!instance.equals(publication.claimedBy) || publication.leaseUntil == null || !publication.leaseUntil.isAfter(now)) {
            return false;
        }
        // Renewed only once half the lease is gone: every renewal is a write (and a commit to flush) on the
        // publication and channel rows, and most steps take far less than half a lease.
        if (publication.leaseUntil.isAfter(now.plus(config.dispatch().lease().dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(config.dispatch().lease());
        publication.leaseUntil = until;
        publication.channel.dispatchOwner = instance;
        publication.channel.dispatchLeaseUntil = until;
        return true;
    }

    /** Gives up the leases of a publication (and its channel) that {@code instance} holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long publicationId, String instance) {
        em.createNativeQuery("UPDATE publication SET claimed_by = NULL, lease_until = NULL WHERE id = :id AND claimed_by = :me")
                .setParameter("id", publicationId).setParameter("me", instance).executeUpdate();
        // The lease ends now rather than vanishing: the channel takes its turn after those released earlier.
        em.createNativeQuery("UPDATE channel SET dispatch_owner = NULL, dispatch_lease_until = :now"
                        + " WHERE dispatch_owner = :me AND id = (SELECT channel_id FROM publication WHERE id = :id)")
                .setParameter("id", publicationId).setParameter("me", instance).setParameter("now", Instant.now()).executeUpdate();
    }

    /** SQL for "a connector serves this channel", from the connectors present (constants only, no user input). */
    private String servedCondition() {
        String condition = served;
        if (condition == null) {
            condition = servedCondition(connectors);
            served = condition;
        }
        return condition;
    }

    private static String servedCondition(Connectors connectors) {
        List<String> parts = new ArrayList<>();
        for (boolean sandbox : new boolean[] { true, false }) {
            Set<Platform> platforms = new HashSet<>();
            for (Platform platform : Platform.values()) {
                if (connectors.forChannel(new ChannelRef(0, "", platform, sandbox, "", SandboxFailureMode.NONE, 0)).isPresent()) {
                    platforms.add(platform);
                }
            }
            if (!platforms.isEmpty()) {
                parts.add("(c.sandbox = " + sandbox + " AND c.platform IN ("
                        + platforms.stream().map(platform -> "'" + platform.name() + "'").collect(Collectors.joining(", ")) + "))");
            }
        }
        return String.join(" OR ", parts);
    }
}
