package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;

/**
 * The publications a scope published in its period with their latest values, read as plain rows in one pass over
 * {@code publication_metrics} (no join for a brand-wide scope): the comparison, strategy and heatmap dashboards group
 * them in memory, which costs less than the database's grouping into temporary tables.
 */
@ApplicationScoped
public class PeriodPosts {

    /**
     * One published publication and its latest counters (null where the platform gives none, or where the reading
     * endpoint did not ask for the value).
     */
    record Post(long contentId, long channelId, Platform platform, Instant publishedAt, Long views, Double interactions,
            Double averagePercentViewed) {

        /** Interactions per view; null without interactions or views. */
        Double engagement() {
            return interactions == null || views == null || views == 0 ? null : interactions / views;
        }
    }

    /** Lifetime sums of one content item's publications on one platform. */
    record Lifetime(Double views, Double interactions, Double engagedViews) {
    }

    /**
     * A value of a post an endpoint can ask for. Each one read costs about as much as the scan itself for a brand's
     * quarter (the text protocol formats and parses every value), so each endpoint names only what it uses.
     */
    enum Column {
        CONTENT("pm.content_id"),
        CHANNEL("pm.channel_id"),
        /** The platform's position in {@link Platform#values()}, 1-based: a number parses faster than a name. */
        PLATFORM("FIELD(pm.platform, " + names(Platform.values()) + ")"),
        /** Epoch seconds (a stored generated column, V28): a number is cheaper to send and parse than a date-time. */
        PUBLISHED("pm.published_second"),
        VIEWS("pm.views"),
        /** likes + comments + shares + saves, null when none of the four is given (a stored generated column, V28). */
        INTERACTIONS("pm.interactions"),
        PERCENT_VIEWED("pm.average_percent_viewed");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    private static final Platform[] PLATFORMS = Platform.values();
    private static final SequencingStrategy[] STRATEGIES = SequencingStrategy.values();

    @Inject
    DataSource dataSource;

    /** The statement {@link #read} runs for {@code scope} and {@code columns}, with its parameters in order. */
    static Statement statement(DashboardScope scope, Set<Column> columns) {
        List<Object> parameters = new ArrayList<>(List.of(scope.brandId(), scope.period().startUtc(), scope.period().endUtc()));
        String owner = "";
        if (scope.ownContentOnly()) {
            owner = " JOIN content_item ci ON ci.id = pm.content_id AND ci.created_by = ?";
            parameters.add(0, scope.owner());
        }
        return new Statement("SELECT " + columns.stream().map(column -> column.sql).collect(Collectors.joining(", "))
                + " FROM publication_metrics pm" + owner + " WHERE pm.brand_id = ? AND pm.published_at >= ? AND pm.published_at < ?",
                parameters);
    }

    /** A statement and its parameters, so the benchmark can run exactly what the endpoint runs. */
    record Statement(String sql, List<Object> parameters) {

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            return prepared;
        }
    }

    /** The scope's posts of the period with {@code columns} read (in the enum's order), the other values null or 0. */
    List<Post> read(DashboardScope scope, Set<Column> columns) {
        List<Post> posts = new ArrayList<>();
        Column[] order = columns.toArray(Column[]::new);
        query(statement(scope, columns), rows -> {
            Object[] values = new Object[Column.values().length];
            for (int i = 0; i < order.length; i++) {
                values[order[i].ordinal()] = switch (order[i]) {
                    case CONTENT, CHANNEL, VIEWS, PUBLISHED -> MetricRollups.whole(rows, i + 1);
                    case PLATFORM -> PLATFORMS[rows.getInt(i + 1) - 1];
                    case INTERACTIONS -> {
                        Long interactions = MetricRollups.whole(rows, i + 1);
                        yield interactions == null ? null : interactions.doubleValue();
                    }
                    case PERCENT_VIEWED -> MetricRollups.decimal(rows, i + 1);
                };
            }
            Long published = (Long) values[Column.PUBLISHED.ordinal()];
            posts.add(new Post(orZero(values[Column.CONTENT.ordinal()]), orZero(values[Column.CHANNEL.ordinal()]),
                    (Platform) values[Column.PLATFORM.ordinal()], published == null ? null : Instant.ofEpochSecond(published),
                    (Long) values[Column.VIEWS.ordinal()], (Double) values[Column.INTERACTIONS.ordinal()],
                    (Double) values[Column.PERCENT_VIEWED.ordinal()]));
        });
        return posts;
    }

    /** The constants' names quoted for SQL, in declaration order. */
    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(constant -> "'" + constant.name() + "'").collect(Collectors.joining(", "));
    }

    private static long orZero(Object id) {
        return id == null ? 0 : (Long) id;
    }

    /** The sequencing strategy of each content item of the scope's brand (of the owner's items for an owner). */
    Map<Long, SequencingStrategy> strategies(DashboardScope scope) {
        Map<Long, SequencingStrategy> strategies = new HashMap<>();
        query(strategiesStatement(scope), rows -> strategies.put(rows.getLong(1), STRATEGIES[rows.getInt(2) - 1]));
        return strategies;
    }

    static Statement strategiesStatement(DashboardScope scope) {
        List<Object> parameters = new ArrayList<>(List.of(scope.brandId()));
        if (scope.ownContentOnly()) {
            parameters.add(scope.owner());
        }
        // The strategy's 1-based position in SequencingStrategy.values(), as for platforms.
        return new Statement("SELECT id, FIELD(sequencing, " + names(STRATEGIES) + ") FROM content_item WHERE brand_id = ?"
                + (scope.ownContentOnly() ? " AND created_by = ?" : ""), parameters);
    }

    /** Titles and per-platform lifetime sums of {@code contentIds}' publications, whatever their period. */
    Map<Long, Map<Platform, Lifetime>> lifetimes(Collection<Long> contentIds, Map<Long, String> titles) {
        Map<Long, Map<Platform, Lifetime>> lifetimes = new HashMap<>();
        if (contentIds.isEmpty()) {
            return lifetimes;
        }
        List<Object> ids = new ArrayList<>(contentIds);
        String in = " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        query(new Statement("SELECT id, title FROM content_item WHERE id" + in, ids),
                rows -> titles.put(rows.getLong(1), rows.getString(2)));
        query(new Statement("SELECT content_id, platform, SUM(views), SUM(interactions), SUM(CASE WHEN interactions"
                + " IS NOT NULL THEN views END) FROM publication_metrics WHERE content_id" + in
                + " GROUP BY content_id, platform", ids),
                rows -> lifetimes.computeIfAbsent(rows.getLong(1), id -> new HashMap<>()).put(
                        Platform.valueOf(rows.getString(2)),
                        new Lifetime(MetricRollups.decimal(rows, 3), MetricRollups.decimal(rows, 4), MetricRollups.decimal(rows, 5))));
        return lifetimes;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(Statement statement, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = statement.prepare(connection);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the dashboard's publications failed", e);
        }
    }
}
