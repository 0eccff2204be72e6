package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated keys in the data dir: kept across restarts, never readable by others, not even while written. */
class KeyFileTest {

    @TempDir
    Path dataDir;

    @Test
    void keyIsGeneratedOnceAndReusedAfterARestart() throws IOException {
        String first = sessionKey(dataDir);
        String second = sessionKey(dataDir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(permissions(dataDir.resolve(KeyFile.SESSION))).isEqualTo("rw-------");
    }

    @Test
    void differentDataDirsGetDifferentKeys(@TempDir Path other) {
        assertThat(sessionKey(dataDir)).isNotEqualTo(sessionKey(other));
    }

    @Test
    void aTooShortKeyInAWorldReadableFileIsReplacedByAnOwnerOnlyOne() throws IOException {
        Path file = Files.writeString(dataDir.resolve(KeyFile.SESSION), "short");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        String key = sessionKey(dataDir);

        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file)).isEqualTo(key);
        assertThat(permissions(file)).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    /**
     * Watches every file in the data dir while keys are created over and over: none may ever be readable or writable
     * by anyone but the owner, not even for the moment between creating a file and restricting it.
     */
    @Test
    void noFileInTheDataDirIsEverOpenToOthersWhileTheKeyIsWritten() throws Exception {
        Set<String> exposed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (writing.get()) {
                try (Stream<Path> files = Files.list(dataDir)) {
                    files.forEach(path -> {
                        try {
                            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                                exposed.add(path.getFileName() + " " + PosixFilePermissions.toString(permissions));
                            }
                        } catch (NoSuchFileException gone) {
                            // Created and renamed or deleted between the listing and the look.
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        watcher.start();
        try {
            for (int i = 0; i < 2000; i++) {
                Files.deleteIfExists(dataDir.resolve(KeyFile.SESSION));
                sessionKey(dataDir);
            }
        } finally {
            writing.set(false);
            watcher.join();
        }
        assertThat(exposed).isEmpty();
    }

    private static String sessionKey(Path dataDir) {
        return KeyFile.loadOrCreate(dataDir, KeyFile.SESSION, "HERALD_SESSION_KEY");
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
