package app.herald.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One published publication and its latest counters (null where the platform gives none). */
    record Post(long contentId, long channelId, Platform platform, Instant publishedAt, Long views, Long likes,
            Long comments, Long shares, Long saves, Double averagePercentViewed) {

        /** likes + comments + shares + saves; null when none of the four is given. */
        Double interactions() {
            if (likes == null && comments == null && shares == null && saves == null) {
                return null;
            }
            return (double) zero(likes) + zero(comments) + zero(shares) + zero(saves);
        }

        /** Interactions per view; null without interactions or views. */
        Double engagement() {
            Double interactions = interactions();
            return interactions == null || views == null || views == 0 ? null : interactions / views;
        }

        private static long zero(Long value) {
            return value == null ? 0 : value;
        }
    }

    /** Lifetime sums of one content item's publications on one platform. */
    record Lifetime(Double views, Double interactions, Double engagedViews) {
    }

    private static final String COLUMNS = "pm.content_id, pm.channel_id, pm.platform, pm.published_at, pm.views,"
            + " pm.likes, pm.comments, pm.shares, pm.saves, pm.average_percent_viewed";

    @Inject
    DataSource dataSource;

    /** The statement {@link #read} runs for {@code scope}, with its parameters in order. */
    static Statement statement(DashboardScope scope) {
        List<Object> parameters = new ArrayList<>(List.of(scope.brandId(), scope.period().startUtc(), scope.period().endUtc()));
        String owner = "";
        if (scope.ownContentOnly()) {
            owner = " JOIN content_item ci ON ci.id = pm.content_id AND ci.created_by = ?";
            parameters.add(0, scope.owner());
        }
        return new Statement("SELECT " + COLUMNS + " FROM publication_metrics pm" + owner
                + " WHERE pm.brand_id = ? AND pm.published_at >= ? AND pm.published_at < ?", parameters);
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

    List<Post> read(DashboardScope scope) {
        List<Post> posts = new ArrayList<>();
        query(statement(scope), rows -> posts.add(new Post(rows.getLong(1), rows.getLong(2),
                Platform.valueOf(rows.getString(3)), MetricRollups.instant(rows.getObject(4, LocalDateTime.class)),
                MetricRollups.whole(rows, 5), MetricRollups.whole(rows, 6), MetricRollups.whole(rows, 7), MetricRollups.whole(rows, 8), MetricRollups.whole(rows, 9), MetricRollups.decimal(rows, 10))));
        return posts;
    }

    /** The sequencing strategy of each content item of the scope's brand (of the owner's items for an owner). */
    Map<Long, SequencingStrategy> strategies(DashboardScope scope) {
        Map<Long, SequencingStrategy> strategies = new HashMap<>();
        query(strategiesStatement(scope), rows -> strategies.put(rows.getLong(1), SequencingStrategy.valueOf(rows.getString(2))));
        return strategies;
    }

    static Statement strategiesStatement(DashboardScope scope) {
        List<Object> parameters = new ArrayList<>(List.of(scope.brandId()));
        if (scope.ownContentOnly()) {
            parameters.add(scope.owner());
        }
        return new Statement("SELECT id, sequencing FROM content_item WHERE brand_id = ?"
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
        String interactions = "CASE WHEN COALESCE(likes, comments, shares, saves) IS NULL THEN NULL ELSE"
                + " COALESCE(likes, 0) + COALESCE(comments, 0) + COALESCE(shares, 0) + COALESCE(saves, 0) END";
        query(new Statement("SELECT content_id, platform, SUM(views), SUM(" + interactions + "), SUM(CASE WHEN "
                + interactions + " IS NOT NULL THEN views END) FROM publication_metrics WHERE content_id" + in
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
