package app.herald.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates the data directory and proves it is writable before anything stores data in it. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** Returns the absolute, existing, writable form of {@code dir}, or fails with what to do about it. */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Path probe = Files.createTempFile(absolute, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupFailure("The data directory " + absolute + " cannot be written (" + e.getMessage()
                    + "). Fix its permissions or set HERALD_DATA_DIR to a writable folder.", e);
        }
        return absolute;
    }
}
