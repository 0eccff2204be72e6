package app.herald.channel.youtube;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The YouTube Data API quota Herald's Google project (named by its OAuth client id) has used on each Pacific-time day
 * (platform-apis.md 1.7), counted in MariaDB ({@code youtube_quota}, V17) so that every instance shares one count:
 * each call adds its cost in one upsert before it is made, and a call that would go over is not made at all.
 */
@ApplicationScoped
public class YouTubeQuota {

    /** YouTube's quota day ends at midnight Pacific Time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    /** The daily buckets a call draws on. */
    public enum Bucket {
        /**
         * Every method but videos.insert: videos.list, channels.list, playlistItems.list cost 1 unit each,
         * thumbnails.set 50.
         */
        GENERAL("general"),
        /** videos.insert calls, 1 each, in their own bucket. */
        INSERT("videos.insert");

        final String key;

        Bucket(String key) {
            this.key = key;
        }
    }

    /** One day's use of both buckets against their limits, as the channel page shows it. */
    public record Usage(LocalDate day, long units, long unitQuota, long uploads, long uploadQuota) {
    }

    @Inject
    EntityManager em;

    @Inject
    HeraldConfig config;

    /** Counts one call of {@code method} costing 1 on today's {@code bucket}, as {@link #spend(Bucket, String, long)}. */
    public void spend(Bucket bucket, String method) throws ConnectorFailure {
        spend(bucket, method, 1);
    }

    /**
     * Counts one call of {@code method} ({@code cost} units) on today's {@code bucket} before it is made; refused as
     * {@link FailureClass#RATE_LIMITED} until Pacific midnight, with nothing counted, when it would exceed the quota.
     */
    public void spend(Bucket bucket, String method, long cost) throws ConnectorFailure {
        Instant now = Instant.now();
        long limit = limit(bucket);
        if (!spend(project(), bucket, cost, limit, now)) {
            LocalDate day = day(now);
            long used = QuarkusTransaction.requiringNew().call(() -> used(project(), bucket, day));
            throw new ConnectorFailure(FailureClass.RATE_LIMITED, null, "daily_quota_reached", "Herald stopped before "
                    + method + ": the Google project has used " + used + " of its " + limit + " "
                    + (bucket == Bucket.INSERT ? "videos.insert calls" : "YouTube API units") + " on " + day
                    + " (Pacific Time); YouTube publishing resumes after midnight Pacific Time.", GoogleErrors.nextQuotaReset(now));
        }
    }

    /** YouTube said the quota is gone: today's bucket counts as full, so no instance calls again before midnight. */
    void exhausted(Bucket bucket) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO youtube_quota (project, quota_day,"
                        + " bucket, units) VALUES (:project, :day, :bucket, :limit)"
                        + " ON DUPLICATE KEY UPDATE units = GREATEST(units, :limit)")
                .setParameter("project", project()).setParameter("day", day(Instant.now())).setParameter("bucket", bucket.key)
                .setParameter("limit", limit(bucket)).executeUpdate());
    }

    /**
     * Adds {@code cost} to {@code project}'s bucket of the Pacific day of {@code now} unless that would pass
     * {@code limit}; true when counted. The day's row is created once (its own commit), then one conditional UPDATE
     * adds the cost: it locks the row, so concurrent callers (threads or instances) are counted one after the other
     * and never pass the limit together.
     */
    boolean spend(String project, Bucket bucket, long cost, long limit, Instant now) {
        LocalDate day = day(now);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT IGNORE INTO youtube_quota (project,"
                        + " quota_day, bucket, units) VALUES (:project, :day, :bucket, 0)")
                .setParameter("project", project).setParameter("day", day).setParameter("bucket", bucket.key).executeUpdate());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE youtube_quota SET units = units"
                        + " + :cost WHERE project = :project AND quota_day = :day AND bucket = :bucket AND units + :cost <= :limit")
                .setParameter("project", project).setParameter("day", day).setParameter("bucket", bucket.key)
                .setParameter("cost", cost).setParameter("limit", limit).executeUpdate() == 1);
    }

    /** Today's use of the configured project (Pacific day). */
    public Usage today() {
        LocalDate day = day(Instant.now());
        return QuarkusTransaction.requiringNew().call(() -> new Usage(day, used(project(), Bucket.GENERAL, day),
                limit(Bucket.GENERAL), used(project(), Bucket.INSERT, day), limit(Bucket.INSERT)));
    }

    long used(String project, Bucket bucket, LocalDate day) {
        List<?> units = em.createNativeQuery("SELECT units FROM youtube_quota WHERE project = :project AND quota_day = :day"
                        + " AND bucket = :bucket")
                .setParameter("project", project).setParameter("day", day).setParameter("bucket", bucket.key).getResultList();
        return units.isEmpty() ? 0 : ((Number) units.get(0)).longValue();
    }

    static LocalDate day(Instant at) {
        return at.atZone(QUOTA_ZONE).toLocalDate();
    }

    private String project() {
        return config.youtube().clientId().orElse("");
    }

    private long limit(Bucket bucket) {
        return bucket == Bucket.INSERT ? config.youtube().dailyUploads() : config.youtube().dailyQuota();
    }
}
