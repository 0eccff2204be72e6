package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.brand.Brand;
import app.herald.channel.Channel;
import app.herald.channel.sandbox.SandboxMetrics;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ninety days of Sandbox history for a brand, so the dashboards show something on a demo's first start: content
 * published every other day at varied hours under each sequencing strategy on the brand's Sandbox channels, with
 * snapshots on the import schedule (Sandbox-shaped counters) recorded through the importer's own recording path.
 */
@ApplicationScoped
public class DemoMetricsHistory {

    private static final Logger LOG = Logger.getLogger(DemoMetricsHistory.class);

    static final int DAYS = 90;
    private static final List<String> TOPICS = List.of("Trail shoes after 500 km", "Packing a day hike in 60 seconds",
            "Three knots every hiker needs", "Rain shell care", "Sunrise at Bear Ridge", "Water on the trail",
            "Camp coffee, three ways", "Blister prevention", "Layering for autumn", "Leave no trace basics",
            "Map and compass refresher", "Hiking with kids", "Trekking poles: yes or no", "Night hike checklist",
            "Snacks that survive a backpack");
    private static final List<SequencingStrategy> STRATEGIES = List.of(SequencingStrategy.VIRAL_FIRST,
            SequencingStrategy.AUTHORITY_FIRST, SequencingStrategy.BALANCED);
    /** Publications recorded per transaction of the recording path. */
    private static final int PER_BATCH = 24;

    @Inject
    DataSource dataSource;

    @Inject
    MetricsClaims claims;

    @Inject
    MetricRecorder recorder;

    @Inject
    ImportSchedule schedule;

    /** A publication of the history: where, when, and the Sandbox-style id its counters derive from. */
    private record Posted(long publicationId, long channelId, Platform platform, Instant at, String videoId) {
    }

    /** Seeds the history once: a brand whose metrics rows exist already is left as it is. Returns publications seeded. */
    public int seed(long brandId, Instant now) {
        long started = System.nanoTime();
        boolean present = QuarkusTransaction.requiringNew().call(() ->
                LatestMetrics.count("publicationId in (select p.id from Publication p where p.channel.brand.id = ?1)", brandId) > 0);
        if (present) {
            return 0;
        }
        List<Posted> posted = QuarkusTransaction.requiringNew().call(() -> publish(brandId, now));
        if (posted.isEmpty()) {
            return 0;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Object[]> rows = posted.stream().map(p -> new Object[] { p.publicationId(), brandId, p.channelId(),
                        p.platform().name(), p.at() }).toList();
                claims.adopt(connection, rows);
            } catch (SQLException e) {
                throw new IllegalStateException("Adopting the demo history failed", e);
            }
        });
        int snapshots = 0;
        for (int from = 0; from < posted.size(); from += PER_BATCH) {
            List<MetricRecorder.Fetch> fetches = new ArrayList<>();
            for (Posted publication : posted.subList(from, Math.min(posted.size(), from + PER_BATCH))) {
                for (Instant at = schedule.next(publication.at(), publication.at()); at != null && !at.isAfter(now);
                        at = schedule.next(publication.at(), at)) {
                    // The history is complete: nothing is due from it, since the Sandbox holds no such videos.
                    fetches.add(new MetricRecorder.Fetch(publication.publicationId(),
                            SandboxMetrics.at(publication.platform(), publication.videoId(), publication.at(), at), null, null));
                }
            }
            snapshots += fetches.size();
            recorder.record(fetches, now, Map.of());
        }
        Map<Long, Instant> asOf = new HashMap<>();
        posted.forEach(publication -> asOf.put(publication.channelId(), now));
        recorder.record(List.of(), now, asOf);
        LOG.infof("Demo mode: %d days of metrics history seeded (%d publications, %d snapshots) in %d ms", DAYS,
                posted.size(), snapshots, (System.nanoTime() - started) / 1_000_000);
        return posted.size();
    }

    /** Content published every other day over the last {@link #DAYS} days on each Sandbox channel of the brand. */
    private List<Posted> publish(long brandId, Instant now) throws SQLException {
        Brand brand = Brand.findById(brandId);
        ZoneId zone = ZoneId.of(brand.timezone);
        List<Channel> channels = Channel.list("brand.id = ?1 and sandbox = true order by id", brandId);
        if (channels.isEmpty()) {
            return List.of();
        }
        Random random = new Random(brandId * 7919);
        LocalDate first = LocalDate.ofInstant(now, zone).minusDays(DAYS);
        List<Object[]> planned = new ArrayList<>();
        for (int item = 0; item * 2 < DAYS; item++) {
            SequencingStrategy strategy = STRATEGIES.get(item % STRATEGIES.size());
            Instant lead = first.plusDays(item * 2L).atTime(6 + random.nextInt(16), random.nextInt(4) * 15).atZone(zone).toInstant();
            if (lead.plus(Duration.ofHours(4)).isAfter(now)) {
                break;
            }
            ContentItem content = new ContentItem();
            content.brand = brand;
            content.title = TOPICS.get(item % TOPICS.size()) + " (" + strategy.label().toLowerCase() + ", "
                    + LocalDate.ofInstant(lead, zone) + ")";
            content.sequencing = strategy;
            content.setPlatforms(EnumSet.allOf(Platform.class));
            content.state = ContentState.PUBLISHED;
            content.createdBy = "marketer";
            content.createdAt = lead.minus(Duration.ofDays(3));
            content.updatedAt = lead;
            content.submittedAt = content.createdAt;
            content.persist();
            ContentRevision revision = new ContentRevision();
            revision.contentId = content.id;
            revision.number = 1;
            revision.sha256 = String.format("%064x", content.id);
            revision.canonical = content.title;
            revision.createdBy = "marketer";
            revision.createdAt = content.createdAt;
            revision.persist();
            content.currentRevisionId = revision.id;
            content.approvedRevisionId = revision.id;
            for (Channel channel : channels) {
                Instant at = lead.plus(strategy.offset(channel.platform)).truncatedTo(ChronoUnit.SECONDS);
                planned.add(new Object[] { content.id, channel.id, revision.id, at, channel.platform });
            }
        }
        Channel.flush();
        return insert(planned);
    }

    /** The publications as the dispatcher leaves them once published, in one multi-row insert. */
    private List<Posted> insert(List<Object[]> planned) throws SQLException {
        List<Posted> posted = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Object[]> chunk : MetricRollups.chunks(planned)) {
                List<String> videoIds = new ArrayList<>();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO publication (content_id, channel_id,"
                        + " scheduled_at, status, revision_id, slot_source, created_by, created_at, updated_at, published_at,"
                        + " platform_video_id) VALUES " + String.join(", ", Collections.nCopies(chunk.size(),
                        "(?, ?, ?, 'PUBLISHED', ?, 'CHOSEN', 'marketer', ?, ?, ?, ?)")))) {
                    int index = 1;
                    for (Object[] row : chunk) {
                        Instant at = (Instant) row[3];
                        String videoId = "sbx-demo-" + UUID.nameUUIDFromBytes((row[0] + "/" + row[1]).getBytes());
                        videoIds.add(videoId);
                        insert.setLong(index++, (Long) row[0]);
                        insert.setLong(index++, (Long) row[1]);
                        insert.setObject(index++, MetricRollups.utc(at));
                        insert.setLong(index++, (Long) row[2]);
                        insert.setObject(index++, MetricRollups.utc(at.minus(Duration.ofDays(2))));
                        insert.setObject(index++, MetricRollups.utc(at));
                        insert.setObject(index++, MetricRollups.utc(at));
                        insert.setString(index++, videoId);
                    }
                    insert.executeUpdate();
                }
                // The ids back by the (content, channel) key: a multi-row insert reports only its first generated key.
                try (PreparedStatement select = connection.prepareStatement("SELECT id, content_id, channel_id FROM publication"
                        + " WHERE content_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setLong(i + 1, (Long) chunk.get(i)[0]);
                    }
                    Map<String, Long> ids = new HashMap<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.put(rows.getLong(2) + "/" + rows.getLong(3), rows.getLong(1));
                        }
                    }
                    for (int i = 0; i < chunk.size(); i++) {
                        Object[] row = chunk.get(i);
                        posted.add(new Posted(ids.get(row[0] + "/" + row[1]), (Long) row[1], (Platform) row[4], (Instant) row[3],
                                videoIds.get(i)));
                    }
                }
            }
        }
        return posted;
    }
}
