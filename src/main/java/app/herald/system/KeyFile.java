package app.herald.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random key kept in an owner-only file of the data dir, so a key left unconfigured (session cookies, sealed
 * secrets) survives a restart.
 */
public final class KeyFile {

    /** Encrypts session cookies unless {@code HERALD_SESSION_KEY} is set. */
    public static final String SESSION = "session.key";
    /** Seals platform tokens ({@link SecretBox}) unless {@code HERALD_SECRET_KEY} is set. */
    public static final String SECRET = "secret.key";

    private KeyFile() {
    }

    /**
     * Reads the key stored in {@code fileName} under {@code dataDir}, creating a random one (owner-readable only) the
     * first time; {@code variable} is the setting that replaces the file, named when it cannot be written.
     */
    public static String loadOrCreate(Path dataDir, String fileName, String variable) {
        Path file = dataDir.resolve(fileName);
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
            Path fresh = createOwnerOnly(dataDir, fileName);
            try {
                Files.writeString(fresh, key, StandardCharsets.US_ASCII);
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(fresh);
            }
            return key;
        } catch (IOException e) {
            throw new StartupFailure("Cannot read or write the key file " + file + " (" + e.getMessage()
                    + "). Fix the data directory's permissions or set " + variable + ".", e);
        }
    }

    private static Path createOwnerOnly(Path dataDir, String fileName) throws IOException {
        try {
            return Files.createTempFile(dataDir, fileName, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
            return Files.createTempFile(dataDir, fileName, ".new");
        }
    }
}
