package app.herald.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The session-cookie encryption key kept in the data dir, so sign-ins survive a restart without configuration. */
public final class SessionKey {

    static final String FILE_NAME = "session.key";

    private SessionKey() {
    }

    /** Reads the key stored under {@code dataDir}, creating a random one (owner-readable only) the first time. */
    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (stored.length() >= 32) {
                    return stored;
                }
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Written to an owner-only file that then takes the key file's name: no moment where the key is readable
            // by others, and no half-written key after a crash.
            Path fresh = createOwnerOnly(dataDir);
            try {
                Files.writeString(fresh, key, StandardCharsets.US_ASCII);
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(fresh);
            }
            return key;
        } catch (IOException e) {
            throw new StartupFailure("Cannot read or write the session key " + file + " (" + e.getMessage()
                    + "). Fix the data directory's permissions or set HERALD_SESSION_KEY.", e);
        }
    }

    private static Path createOwnerOnly(Path dataDir) throws IOException {
        try {
            return Files.createTempFile(dataDir, FILE_NAME, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
            return Files.createTempFile(dataDir, FILE_NAME, ".new");
        }
    }
}
