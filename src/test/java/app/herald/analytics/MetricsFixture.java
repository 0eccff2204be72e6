package app.herald.analytics;

import java.time.Instant;
import java.util.EnumSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.herald.calendar.CalendarFixture;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.VideoMetrics;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Published publications with a platform video id, and snapshot values, for the importer and rollup tests. */
final class MetricsFixture {

    private MetricsFixture() {
    }

    /** A PUBLISHED publication of new content on {@code channel}, published at {@code at} as {@code videoId}. */
    static long published(long brand, long channel, Instant at, String videoId) {
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Metrics"), SequencingStrategy.BALANCED,
                EnumSet.allOf(Platform.class), "marketer");
        long id = CalendarFixture.publication(content, channel, at, PublicationStatus.PUBLISHED);
        sql("UPDATE publication SET published_at = ?1, platform_video_id = ?2 WHERE id = ?3", at, videoId, id);
        return id;
    }

    static int sql(String statement, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> query(statement, parameters).executeUpdate());
    }

    static Object single(String statement, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> query(statement, parameters).getSingleResult());
    }

    private static Query query(String statement, Object... parameters) {
        Query query = Arc.container().instance(EntityManager.class).get().createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    /** YouTube-shaped counters (no saves, no reach) at {@code at}. */
    static VideoMetrics youtube(Instant at, long views, long likes) {
        return new VideoMetrics(at, views, likes, likes / 10, likes / 5, null, views * 9, 9.0, 40.0 + views % 7, null, views / 100);
    }
}
