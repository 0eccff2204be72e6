package app.herald.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** A channel that may take a post now: active, not paused by its platform, not held by a dispatcher. */
    private static final String FREE = "c.status = 'ACTIVE' AND (c.paused_until IS NULL OR c.paused_until <= :now)"
            + " AND (c.dispatch_lease_until IS NULL OR c.dispatch_lease_until < :now)";

    /** Channels looked at per publication claimed, so that dispatchers claiming at once do not all want the same. */
    private static final int CANDIDATES_PER_CLAIM = 4;

    /** The connectors and what they serve are fixed once the application runs. */
    private volatile String served;

    @Inject
    EntityManager em;

    @Inject
    Connectors connectors;

    @Inject
    HeraldConfig config;

    @Inject
    DispatchMetrics metrics;

    /**
     * Claims up to {@code limit} due publications, each on a different channel; returns their ids. Only the channels'
     * leases are written here: the rows stay locked until this commits, so the publication's own lease and its move
     * to CLAIMED (with its audit row) wait for the worker's first step.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(String instance, Instant now, int limit) {
        String servedBy = servedCondition();
        if (servedBy.isEmpty()) {
            return List.of();
        }
        // Channels first: one post per channel in flight, and a channel's turn comes with its earliest due
        // publication (one dive into the (channel_id, due_at) index; due_at passes once the slot, the next attempt and
        // any lease are all behind us). Busy channels are skipped without reading their publications. This read
        // takes no locks: a locking read that sorts would lock every candidate it looked at, and every other
        // dispatcher would find all of them taken.
        @SuppressWarnings("unchecked")
        List<Number> candidates = em.createNativeQuery("SELECT c.id,"
                        + " (SELECT p.due_at FROM publication p WHERE p.channel_id = c.id AND p.due_at <= :now"
                        + " ORDER BY p.due_at LIMIT 1) AS next_due"
                        + " FROM channel c WHERE " + FREE + " AND (" + servedBy + ")"
                        + " HAVING next_due IS NOT NULL ORDER BY next_due, c.id LIMIT :candidates")
                .setParameter("now", now)
                .setParameter("candidates", limit * CANDIDATES_PER_CLAIM)
                .getResultList().stream().map(row -> (Number) ((Object[]) row)[0]).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // Then lock up to limit of them that no other dispatcher holds, checked again on their current rows; with
        // several candidates per claim, dispatchers claiming at the same moment each get their own.
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery("SELECT c.id FROM channel c WHERE c.id IN (:candidates) AND " + FREE
                        + " ORDER BY c.id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("candidates", candidates.stream().map(Number::longValue).toList())
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        if (free.isEmpty()) {
            return List.of();
        }
        // Their due publications, without locks: only the holder of a channel's lease starts its publications, and
        // the worker's first step (take) checks on the current row that its publication is still due, should this
        // transaction's snapshot predate another dispatcher's last step on the channel. The earliest of each is its
        // turn.
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT p.id, p.channel_id,"
                        // A retry became due at its next attempt, not at its scheduled time.
                        + " TIMESTAMPDIFF(MICROSECOND, GREATEST(p.scheduled_at, COALESCE(p.next_attempt_at, p.scheduled_at)), :now)"
                        + " FROM publication p WHERE p.channel_id IN (:channels) AND p.due_at <= :now"
                        + " ORDER BY p.channel_id, p.due_at, p.id")
                .setParameter("now", now)
                .setParameter("channels", free.stream().map(Number::longValue).toList())
                .getResultList();
        Set<Long> seen = new HashSet<>();
        List<Object[]> rows = due.stream().filter(row -> seen.add(((Number) row[1]).longValue())).toList();
        Instant until = now.plus(config.dispatch().lease());
        List<Long> claimed = new ArrayList<>();
        List<Long> channels = new ArrayList<>();
        for (Object[] row : rows) {
            claimed.add(((Number) row[0]).longValue());
            channels.add(((Number) row[1]).longValue());
            metrics.claimed(Duration.ofNanos(((Number) row[2]).longValue() * 1_000));
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        // One statement for the whole batch: the rows are locked until commit, so keep the commit near. The
        // publications get their lease from the worker's first step (take), in the commit that moves them anyway.
        em.createNativeQuery("UPDATE channel SET dispatch_owner = :me, dispatch_lease_until = :until WHERE id IN (:ids)")
                .setParameter("me", instance).setParameter("until", until).setParameter("ids", channels).executeUpdate();
        return claimed;
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
        em.createNativeQuery("UPDATE channel SET dispatch_owner = NULL, dispatch_lease_until = NULL"
                        + " WHERE dispatch_owner = :me AND id = (SELECT channel_id FROM publication WHERE id = :id)")
                .setParameter("id", publicationId).setParameter("me", instance).executeUpdate();
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
