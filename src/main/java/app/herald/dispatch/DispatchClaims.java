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
import app.herald.calendar.PublicationStatus;
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

    @Inject
    EntityManager em;

    @Inject
    Connectors connectors;

    @Inject
    HeraldConfig config;

    @Inject
    DispatchMetrics metrics;

    /**
     * Claims up to {@code limit} due publications, each on a different channel; returns their ids. Only the leases
     * are written here: the rows stay locked until this commits, so the move to CLAIMED (with its audit row) waits
     * for the worker's first step.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(String instance, Instant now, int limit) {
        String served = servedCondition();
        if (served.isEmpty()) {
            return List.of();
        }
        // Channels first: one post per channel in flight, and a channel's turn comes with its earliest due
        // publication (one dive into the (channel_id, due_at) index; due_at passes once the slot, the next attempt and
        // any lease are all behind us). Busy channels are skipped without reading their publications.
        String nextDue = "(SELECT MIN(p.due_at) FROM publication p WHERE p.channel_id = c.id)";
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery("SELECT c.id FROM channel c"
                        + " WHERE c.status = 'ACTIVE' AND (c.paused_until IS NULL OR c.paused_until <= :now)"
                        + " AND (c.dispatch_lease_until IS NULL OR c.dispatch_lease_until < :now)"
                        + " AND (" + served + ") AND " + nextDue + " <= :now"
                        + " ORDER BY " + nextDue + ", c.id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        if (free.isEmpty()) {
            return List.of();
        }
        // Only the holder of a channel's row lock claims its publications, so reading them needs no lock.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, channel_id, due FROM (SELECT p.id, p.channel_id,"
                        // A retry became due at its next attempt, not at its scheduled time.
                        + " TIMESTAMPDIFF(MICROSECOND, GREATEST(p.scheduled_at, COALESCE(p.next_attempt_at, p.scheduled_at)), :now) AS due,"
                        + " ROW_NUMBER() OVER (PARTITION BY p.channel_id ORDER BY p.due_at, p.id) AS turn"
                        + " FROM publication p WHERE p.channel_id IN (:channels) AND p.due_at <= :now) first WHERE turn = 1")
                .setParameter("now", now)
                .setParameter("channels", free.stream().map(Number::longValue).toList())
                .getResultList();
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
        // One statement per table for the whole batch: the rows are locked until commit, so keep the commit near.
        em.createNativeQuery("UPDATE channel SET dispatch_owner = :me, dispatch_lease_until = :until WHERE id IN (:ids)")
                .setParameter("me", instance).setParameter("until", until).setParameter("ids", channels).executeUpdate();
        em.createNativeQuery("UPDATE publication SET claimed_by = :me, lease_until = :until, claimed_at = :now WHERE id IN (:ids)")
                .setParameter("me", instance).setParameter("until", until).setParameter("now", now)
                .setParameter("ids", claimed).executeUpdate();
        return claimed;
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
