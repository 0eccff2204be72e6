package app.herald.system;

import java.nio.file.Path;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point for {@code java -jar} and {@code mvn quarkus:dev}: prepares the data dir, settles the session key and
 * the CSRF signing key, starts the embedded MariaDB when no datasource URL is configured, then runs Quarkus. Whatever
 * stops the start, the reason is printed on stderr and the process exits with status 1.
 */
@QuarkusMain
public class HeraldMain {

    static final String DATABASE = "herald";
    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    /** Signs the CSRF cookie; derived from the session key unless configured, so there is one secret to keep. */
    private static final String CSRF_KEY = "quarkus.rest-csrf.token-signature-key";
    private static final Logger LOG = Logger.getLogger(HeraldMain.class);

    public static void main(String... args) {
        try {
            prepare(ConfigProvider.getConfig());
        } catch (RuntimeException e) {
            // Logging is not set up yet and would hold this message back until a start that is not coming.
            System.err.println(cannotStart(e));
            System.exit(1);
        }
        Quarkus.run(Serve.class, HeraldMain::exit, args);
    }

    /** Quarkus logs a failed start to its log (stdout by default); say it on stderr too, where supervisors look. */
    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            System.err.println(cannotStart(failure));
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    private static String cannotStart(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupFailure) {
                return "Herald cannot start: " + cause.getMessage();
            }
            if (cause instanceof QuarkusBindException bind) {
                return "Herald cannot start: port " + bind.getPort() + " is already in use. Stop whatever uses it, or"
                        + " set QUARKUS_HTTP_PORT to another port.";
            }
            root = cause;
        }
        return "Herald cannot start: " + root;
    }

    private static void prepare(Config config) {
        Path dataDir = DataDirectory.prepare(Path.of(config.getOptionalValue("herald.data-dir", String.class).orElse("./data")));
        // Before the database, so a bad key fails at once rather than after the server has started.
        if (config.getOptionalValue(SESSION_KEY, String.class).filter(key -> !key.isBlank()).isEmpty()) {
            String key = config.getOptionalValue("herald.session-key", String.class).filter(k -> !k.isBlank())
                    .orElseGet(() -> KeyFile.loadOrCreate(dataDir, KeyFile.SESSION, "HERALD_SESSION_KEY"));
            if (key.length() < 32) {
                throw new StartupFailure("HERALD_SESSION_KEY is " + key.length() + " characters long; use at least 32"
                        + " random characters (for example: openssl rand -base64 48).");
            }
            System.setProperty(SESSION_KEY, key);
        }
        // Also before the database: a short key fails at once, and a generated one exists from the first start on.
        SecretBox.of(config.getOptionalValue("herald.secret-key", String.class), dataDir);
        if (config.getOptionalValue(CSRF_KEY, String.class).filter(key -> !key.isBlank()).isEmpty()) {
            String sessionKey = System.getProperty(SESSION_KEY, config.getOptionalValue(SESSION_KEY, String.class).orElse(""));
            System.setProperty(CSRF_KEY, DerivedKeys.derive(sessionKey, "herald csrf token signature"));
        }
        // In dev mode a live reload calls main again in the same JVM; the server from the first call is still running.
        if (config.getOptionalValue(JDBC_URL, String.class).filter(url -> !url.isBlank()).isEmpty()) {
            int port = config.getOptionalValue("herald.embedded-db.port", Integer.class).orElse(0);
            Path root = dataDir.resolve("mariadb");
            String bufferPool = config.getOptionalValue("herald.embedded-db.buffer-pool-size", String.class)
                    .orElse(EmbeddedMariaDb.DEFAULT_BUFFER_POOL);
            EmbeddedMariaDb db = EmbeddedMariaDb.start(root, port, DATABASE, bufferPool);
            System.setProperty(JDBC_URL, db.jdbcUrl(DATABASE));
            LOG.infof("No quarkus.datasource.jdbc.url configured: started embedded MariaDB on 127.0.0.1:%d, data in %s",
                    db.port(), root);
        }
    }

    /** Runs until Quarkus is asked to stop; it exists so a failed start reaches {@link #exit} with its cause. */
    public static class Serve implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
