package app.herald.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;

/**
 * Published posts with metrics written straight into publication and publication_metrics (as the importer would
 * leave them), so learned slots and predictions are tested on a fixed history without the importer.
 */
final class InsightFixture {

    /** One published post: when, its content's features, and its latest metrics (likes null = not given). */
    record Post(Instant publishedAt, long views, Long likes, String strategy, String niche, String caption) {

        static Post of(Instant publishedAt, long views, Long likes) {
            return new Post(publishedAt, views, likes, "BALANCED", null, null);
        }
    }

    private InsightFixture() {
    }

    static void posts(long brandId, long channelId, String platform, List<Post> posts) {
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection()) {
            for (Post post : posts) {
                LocalDateTime at = LocalDateTime.ofInstant(post.publishedAt(), ZoneOffset.UTC);
                long content = insert(connection, "INSERT INTO content_item (brand_id, title, platforms, state, created_by,"
                        + " created_at, updated_at, sequencing, niche, description) VALUES (?, 'History post', ?, 'SCHEDULED',"
                        + " 'marketer', ?, ?, ?, ?, ?)", brandId, platform, at, at, post.strategy(), post.niche(), post.caption());
                long revision = insert(connection, "INSERT INTO content_revision (content_id, number, sha256, canonical,"
                        + " created_by, created_at) VALUES (?, 1, REPEAT('b', 64), 'History post', 'marketer', ?)", content, at);
                long publication = insert(connection, "INSERT INTO publication (content_id, channel_id, scheduled_at, status,"
                        + " revision_id, slot_source, created_by, created_at, updated_at, published_at) VALUES (?, ?, ?,"
                        + " 'PUBLISHED', ?, 'CHOSEN', 'marketer', ?, ?, ?)", content, channelId, at, revision, at, at, at);
                insert(connection, "INSERT INTO publication_metrics (publication_id, content_id, brand_id, channel_id,"
                        + " platform, published_at, measured_at, views, likes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", publication, content, brandId,
                        channelId, platform, at, at.plusDays(8), post.views(), post.likes());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
