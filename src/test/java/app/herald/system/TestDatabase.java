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
    private static final String SHARED_URL = "herald-test.embedded-db-url";
    private static EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        String externalUrl = System.getenv("HERALD_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", externalUrl,
                    "quarkus.datasource.username", envOr("HERALD_TEST_DB_USER", "root"),
                    "quarkus.datasource.password", envOr("HERALD_TEST_DB_PASSWORD", ""));
        }
        return Map.of("quarkus.datasource.jdbc.url", sharedUrl(),
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "");
    }

    /**
     * The embedded server's URL, kept JVM-wide: a test profile restarts Quarkus in a new class loader, where this
     * class's statics start empty, while the server the first start launched keeps running (and holds its files).
     */
    private static synchronized String sharedUrl() {
        String url = System.getProperty(SHARED_URL);
        if (url == null) {
            url = embedded().jdbcUrl(DATABASE);
            System.setProperty(SHARED_URL, url);
        }
        return url;
    }

    /**
     * The shared embedded server, started on first use; a shutdown hook stops it at exit, its watchdog if the JVM is
     * killed, and the next run's start if both were missed.
     */
    public static synchronized EmbeddedMariaDb embedded() {
        if (embedded == null) {
            embedded = EmbeddedMariaDb.start(Path.of("target", "test-mariadb").toAbsolutePath(), 0, DATABASE);
        }
        return embedded;
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
