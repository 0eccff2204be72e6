package app.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import app.herald.system.TestDatabase;

/**
 * V8 gives the audit rows written before it their brand, on a database of its own migrated to V7 first, and
 * leaves the table as append-only as it found it.
 */
class AuditBrandMigrationTest {

    private static final String DATABASE = "herald_v8_migration";

    @Test
    void existingRowsGetTheBrandOfTheirSubjectAndStayAppendOnly() throws SQLException {
        try (Connection root = DriverManager.getConnection(TestDatabase.embeddedUrl(""), "root", "");
                Statement statement = root.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = TestDatabase.embeddedUrl(DATABASE);
        flyway(url).target("7").load().migrate();

        Map<String, Long> expected = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "root", ""); Statement sql = db.createStatement()) {
            long a = insert(sql, "insert into brand (name, timezone, created_at) values ('A', 'UTC', now(6))");
            long b = insert(sql, "insert into brand (name, timezone, created_at) values ('B', 'UTC', now(6))");
            long user = insert(sql, "insert into app_user (username, display_name, password_hash, roles, created_at)"
                    + " values ('old-user', 'Old', 'x', 'MARKETER', now(6))");
            long content = insert(sql, "insert into content_item (brand_id, title, platforms, state, created_by,"
                    + " created_at, updated_at) values (" + b + ", 'Old post', 'TIKTOK', 'DRAFT', 'm', now(6), now(6))");
            long revision = insert(sql, "insert into content_revision (content_id, number, sha256, canonical, created_by,"
                    + " created_at) values (" + content + ", 1, repeat('a', 64), '{}', 'm', now(6))");
            long rule = insert(sql, "insert into governance_rule (brand_id, current_version) values (" + a + ", 1)");
            long channel = insert(sql, "insert into channel (brand_id, platform, display_name, timezone, status,"
                    + " daily_cap, min_gap_minutes, created_at) values (" + a + ", 'TIKTOK', 'Old', 'UTC', 'ACTIVE', 15, 60,"
                    + " now(6))");
            long publication = insert(sql, "insert into publication (content_id, channel_id, scheduled_at, status,"
                    + " revision_id, slot_source, created_by, created_at, updated_at) values (" + content + ", " + channel
                    + ", now(6), 'SCHEDULED', " + revision + ", 'USER', 'm', now(6), now(6))");
            expected.put(audit(sql, "BRAND", b), b);
            expected.put(audit(sql, "CONTENT", content), b);
            expected.put(audit(sql, "RULE", rule), a);
            expected.put(audit(sql, "CHANNEL", channel), a);
            expected.put(audit(sql, "PUBLICATION", publication), a);
            expected.put(audit(sql, "USER", user), null);
            expected.put(audit(sql, "USER", null), null);
        }

        flyway(url).load().migrate();

        try (Connection db = DriverManager.getConnection(url, "root", ""); Statement sql = db.createStatement()) {
            for (Map.Entry<String, Long> row : expected.entrySet()) {
                try (ResultSet brand = sql.executeQuery("select brand_id from audit_entry where id = " + row.getKey())) {
                    brand.next();
                    Object stored = brand.getObject(1);
                    assertThat(stored == null ? null : ((Number) stored).longValue()).as("row %s", row.getKey())
                            .isEqualTo(row.getValue());
                }
            }
            String anyRow = expected.keySet().iterator().next();
            assertThatThrownBy(() -> sql.executeUpdate("update audit_entry set brand_id = null where id = " + anyRow))
                    .hasMessageContaining("append-only: updates are not allowed");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entry where id = " + anyRow))
                    .hasMessageContaining("append-only: deletes are not allowed");
        }
        try (Connection root = DriverManager.getConnection(url, "root", ""); Statement statement = root.createStatement()) {
            statement.execute("DROP DATABASE " + DATABASE);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration");
    }

    private static String audit(Statement sql, String subjectType, Long subjectId) throws SQLException {
        return String.valueOf(insert(sql, "insert into audit_entry (occurred_at, actor, action, subject_type, subject_id)"
                + " values (now(6), 'old', 'COMMENT_ADDED', '" + subjectType + "', " + subjectId + ")"));
    }

    private static long insert(Statement sql, String statement) throws SQLException {
        sql.executeUpdate(statement, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = sql.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
