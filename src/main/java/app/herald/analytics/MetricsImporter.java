package app.herald.analytics;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.channel.Channel;
import app.herald.channel.ChannelRef;
import app.herald.channel.Connector;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.Connectors;
import app.herald.channel.FailureClass;
import app.herald.channel.MetricsBatch;
import app.herald.channel.VideoMetrics;
import app.herald.system.Deadlocks;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled job that brings metrics back: every {@code herald.metrics.interval} it adopts newly published
 * publications, then claims due ones in batches, fetches each channel's share in as few platform calls as allowed
 * (outside any transaction) and records the batch in a new one. A rate limit pauses that channel's imports only.
 */
@ApplicationScoped
public class MetricsImporter {

    private static final Logger LOG = Logger.getLogger(MetricsImporter.class);

    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/metrics-"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    MetricsClaims claims;

    @Inject
    MetricRecorder recorder;

    @Inject
    Connectors connectors;

    @Inject
    ImportSchedule schedule;

    @Inject
    HeraldConfig config;

    @Scheduled(identity = "metrics-importer", every = "${herald.metrics.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void tick() {
        try {
            run(instance);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Metrics import failed; the next tick tries again");
        }
    }

    /** Adopts and imports as {@code name} until nothing is due; returns how many publications were fetched. */
    public int run(String name) {
        int batch = config.metrics().batchSize();
        while (claims.adopt(batch) == batch) {
            // More published publications than one batch: keep adopting.
        }
        for (int fetched = 0;;) {
            List<MetricsClaims.Due> due = Deadlocks.retried(() -> claims.claim(name, Instant.now(), batch));
            if (due.isEmpty()) {
                return fetched;
            }
            fetch(due);
            fetched += due.size();
        }
    }

    /** Fetches claimed publications channel by channel and records them all in one transaction. */
    void fetch(List<MetricsClaims.Due> due) {
        Map<Long, List<MetricsClaims.Due>> byChannel = new LinkedHashMap<>();
        due.forEach(row -> byChannel.computeIfAbsent(row.channelId(), id -> new ArrayList<>()).add(row));
        List<MetricRecorder.Fetch> fetches = new ArrayList<>();
        Map<Long, Instant> asOf = new LinkedHashMap<>();
        for (Map.Entry<Long, List<MetricsClaims.Due>> channel : byChannel.entrySet()) {
            ChannelRef ref = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(channel.getKey())));
            fetches.addAll(fetch(ref, channel.getValue(), asOf));
        }
        Deadlocks.retried(() -> {
            recorder.record(fetches, Instant.now(), asOf);
            return null;
        });
    }

    private List<MetricRecorder.Fetch> fetch(ChannelRef channel, List<MetricsClaims.Due> due, Map<Long, Instant> asOf) {
        List<MetricRecorder.Fetch> fetches = new ArrayList<>();
        Instant now = Instant.now();
        List<MetricsClaims.Due> fetchable = new ArrayList<>();
        for (MetricsClaims.Due row : due) {
            if (row.videoId() == null) {
                fetches.add(new MetricRecorder.Fetch(row.publicationId(), null, "No platform video id is known for this"
                        + " publication, so its metrics cannot be fetched.", null));
            } else {
                fetchable.add(row);
            }
        }
        Optional<Connector> connector = connectors.forChannel(channel);
        if (connector.isEmpty()) {
            fetchable.forEach(row -> fetches.add(new MetricRecorder.Fetch(row.publicationId(), null, "No connector serves "
                    + channel.platform().label() + " channels here (its API client is not configured).",
                    schedule.next(row.publishedAt(), now))));
            return fetches;
        }
        if (fetchable.isEmpty()) {
            return fetches;
        }
        MetricsBatch batch;
        try {
            batch = connector.get().metrics(channel, fetchable.stream().map(MetricsClaims.Due::videoId).toList());
        } catch (ConnectorFailure failure) {
            boolean limited = failure.failureClass() == FailureClass.RATE_LIMITED;
            Instant until = limited && failure.retryAt() != null ? failure.retryAt() : now.plus(config.metrics().pause());
            if (limited) {
                claims.pause(channel.id(), until, failure.getMessage());
                LOG.infof("Metrics imports of channel %d paused until %s: %s", channel.id(), until, failure.getMessage());
            }
            fetchable.forEach(row -> fetches.add(new MetricRecorder.Fetch(row.publicationId(), null, failure.getMessage(),
                    limited ? until : schedule.next(row.publishedAt(), now))));
            return fetches;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Fetching metrics of channel %d failed", channel.id());
            fetchable.forEach(row -> fetches.add(new MetricRecorder.Fetch(row.publicationId(), null, "Fetching failed: "
                    + e.getMessage(), schedule.next(row.publishedAt(), now))));
            return fetches;
        }
        asOf.put(channel.id(), now);
        String dropped = batch.dropped().isEmpty() ? null : channel.platform().label() + " did not give: "
                + String.join("; ", batch.dropped());
        for (MetricsClaims.Due row : fetchable) {
            VideoMetrics metrics = batch.videos().get(row.videoId());
            fetches.add(new MetricRecorder.Fetch(row.publicationId(), metrics, metrics != null ? dropped
                    : channel.platform().label() + " gave no metrics for video " + row.videoId() + " (deleted, private or"
                            + " not visible to this account).", schedule.next(row.publishedAt(), now)));
        }
        return fetches;
    }

    /** Skips the job when {@code herald.metrics.enabled} is false. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        HeraldConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.metrics().enabled();
        }
    }
}
