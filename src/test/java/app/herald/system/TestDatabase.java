package app.herald.system;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test run's MariaDB: an external one when {@code HERALD_TEST_DB_URL} is set, otherwise one embedded server
 * (under {@code target/}) shared by every Quarkus start in this JVM. Flyway cleans the schema at each start.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "herald_test";
    /**
     * Where the shared server listens. A system property, not a field: a test profile restarts Quarkus in a new class
     * loader, where this class starts afresh while the server of the first start is still running.
     */
    private static final String PORT_PROPERTY = "test-mariadb.port";

    @Override
    public Map<String, String> start() {
        String externalUrl = System.getenv("HERALD_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", externalUrl,
                    "quarkus.datasource.username", envOr("HERALD_TEST_DB_USER", "root"),
                    "quarkus.datasource.password", envOr("HERALD_TEST_DB_PASSWORD", ""));
        }
        return Map.of("quarkus.datasource.jdbc.url", embeddedUrl(DATABASE),
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "");
    }

    /**
     * JDBC URL of {@code database} (empty: the server itself) on the shared embedded server, started on first use;
     * a shutdown hook stops it at exit, its watchdog if the JVM is killed, and the next run's start if both were missed.
     */
    public static synchronized String embeddedUrl(String database) {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = String.valueOf(EmbeddedMariaDb.start(Path.of("target", "test-mariadb").toAbsolutePath(), 0, DATABASE,
                    envOr("HERALD_EMBEDDED_DB_BUFFER_POOL_SIZE", EmbeddedMariaDb.DEFAULT_BUFFER_POOL))
                    .port());
            System.setProperty(PORT_PROPERTY, port);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void stop() {
        // Kept running across Quarkus restarts within this JVM; EmbeddedMariaDb's shutdown hook stops it at exit.
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
