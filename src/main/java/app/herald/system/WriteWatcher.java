package app.herald.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Sees every SQL statement Hibernate prepares (entity writes, bulk and native updates alike) and reports the ones
 * that are not reads to {@link CommittedWrites}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class WriteWatcher implements StatementInspector {

    @Inject
    CommittedWrites writes;

    @Override
    public String inspect(String sql) {
        if (!isRead(sql)) {
            writes.writing();
        }
        return sql;
    }

    /** Plain SELECTs (and CTEs, which MariaDB allows only for reads); anything else counts as a write. */
    static boolean isRead(String sql) {
        String start = sql.stripLeading();
        return start.regionMatches(true, 0, "select", 0, 6) || start.regionMatches(true, 0, "with", 0, 4);
    }
}
