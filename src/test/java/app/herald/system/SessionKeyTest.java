package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void keyIsGeneratedOnceAndReusedAfterARestart() throws IOException {
        String first = SessionKey.loadOrCreate(dataDir);
        String second = SessionKey.loadOrCreate(dataDir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(SessionKey.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void differentDataDirsGetDifferentKeys(@TempDir Path other) {
        assertThat(SessionKey.loadOrCreate(dataDir)).isNotEqualTo(SessionKey.loadOrCreate(other));
    }
}
