package app.herald.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.system.HeraldConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Each channel's weekday × hour cells learned from its own posts' engagement ({@link SlotScores}), cached in memory so
 * a suggestion costs a map lookup: the scheduled job recomputes every channel, and a request that finds its channel
 * missing or older than {@code herald.slots.max-age} recomputes that one first. Only posts at least a day old count,
 * so a fresh post's first few views do not steer the schedule.
 */
@ApplicationScoped
public class SlotLearning {

    private static final Logger LOG = Logger.getLogger(SlotLearning.class);
    private static final Duration SETTLED = Duration.ofDays(1);
    private static final String POSTS = "SELECT pm.channel_id, c.timezone, pm.published_at, pm.views, pm.likes, pm.comments,"
            + " pm.shares, pm.saves FROM publication_metrics pm JOIN channel c ON c.id = pm.channel_id"
            + " WHERE pm.published_at <= ?";

    @Inject
    DataSource dataSource;

    @Inject
    HeraldConfig config;

    private final Map<Long, ChannelSlots> cache = new ConcurrentHashMap<>();

    /** What a channel's history says: its posts with engagement, the threshold, its median and scored cells. */
    public record ChannelSlots(long channelId, int posts, int minPosts, double median, Map<Integer, SlotScores.Cell> cells,
            Instant computedAt) {

        /** True once the channel has enough posts and a median to compare cells with. */
        public boolean learned() {
            return posts >= minPosts && !cells.isEmpty();
        }

        public Optional<SlotScores.Cell> cell(DayOfWeek day, int hour) {
            return Optional.ofNullable(cells.get(SlotScores.key(day, hour)));
        }
    }

    /** The channel's cells, from the cache unless missing or stale. */
    public ChannelSlots of(long channelId) {
        ChannelSlots cached = cache.get(channelId);
        if (cached == null || cached.computedAt().plus(config.slots().maxAge()).isBefore(Instant.now())) {
            cached = compute(channelId);
        }
        return cached;
    }

    @Scheduled(identity = "slot-learning", every = "${herald.slots.refresh:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsOff.class)
    void refresh() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Learning posting slots failed; the next run tries again");
        }
    }

    /** Recomputes every channel that has metrics, in one read; returns how many channels it scored. */
    public int refreshAll() {
        Instant now = Instant.now();
        Map<Long, List<SlotScores.Post>> byChannel = read(POSTS, null, now);
        byChannel.forEach((channel, posts) -> store(channel, posts, now));
        // Channels whose metrics are gone (or that have none yet) fall back to the defaults on their next request.
        cache.keySet().retainAll(byChannel.keySet());
        return byChannel.size();
    }

    /** Recomputes one channel now. */
    public ChannelSlots compute(long channelId) {
        Instant now = Instant.now();
        return store(channelId, read(POSTS + " AND pm.channel_id = ?", channelId, now)
                .getOrDefault(channelId, List.of()), now);
    }

    private ChannelSlots store(long channelId, List<SlotScores.Post> posts, Instant now) {
        double median = SlotScores.median(posts);
        ChannelSlots slots = new ChannelSlots(channelId, posts.size(), config.slots().minPosts(), median,
                Map.copyOf(SlotScores.cells(posts, median, config.slots().priorStrength())), now);
        cache.put(channelId, slots);
        return slots;
    }

    private Map<Long, List<SlotScores.Post>> read(String sql, Long channelId, Instant now) {
        Map<Long, List<SlotScores.Post>> byChannel = new HashMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, Rows.utc(now.minus(SETTLED)));
            if (channelId != null) {
                statement.setLong(2, channelId);
            }
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Double engagement = Engagement.rate(Rows.nullableLong(rows, 4), Rows.nullableLong(rows, 5),
                            Rows.nullableLong(rows, 6), Rows.nullableLong(rows, 7), Rows.nullableLong(rows, 8));
                    if (engagement == null) {
                        continue;
                    }
                    ZoneId zone = zones.computeIfAbsent(Rows.string(rows, 2), ZoneId::of);
                    byChannel.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new SlotScores.Post(Rows.instant(rows, 3).atZone(zone), engagement));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading posting history failed: " + e.getMessage(), e);
        }
        return byChannel;
    }
}
