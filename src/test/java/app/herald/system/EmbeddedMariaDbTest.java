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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's own behaviour: data survives a restart, clear messages when it cannot start. */
class EmbeddedMariaDbTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndStartOnTheSameFolder() throws SQLException {
        Path root = dataDir.resolve("mariadb");
        EmbeddedMariaDb first = EmbeddedMariaDb.start(root, 0, "persist");
        try (Connection c = DriverManager.getConnection(first.jdbcUrl("persist"), "root", "");
                Statement s = c.createStatement()) {
            s.execute("create table kept (name varchar(20))");
            s.execute("insert into kept values ('still here')");
        } finally {
            first.stop();
        }

        EmbeddedMariaDb second = EmbeddedMariaDb.start(root, 0, "persist");
        try (Connection c = DriverManager.getConnection(second.jdbcUrl("persist"), "root", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select name from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            second.stop();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws SQLException {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), 0, "bind");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("bind"), "root", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select @@bind_address")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
        } finally {
            db.stop();
        }
    }

    @Test
    void portInUseFailsWithWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir.resolve("mariadb"), taken.getLocalPort(), "clash"))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("HERALD_EMBEDDED_DB_PORT");
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
