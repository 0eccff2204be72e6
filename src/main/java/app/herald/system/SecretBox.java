package app.herald.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets kept in the database (platform tokens) with AES-256-GCM, so a database dump or backup alone reveals
 * none of them. A sealed value reads {@code v1.<key id>.<base64 of nonce, ciphertext and tag>}: the key id tells a
 * value sealed under another key from one that was altered.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    /** A box for {@code secret}, at least 32 characters, from which the 256-bit AES key is derived. */
    public SecretBox(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new StartupFailure("HERALD_SECRET_KEY is " + (secret == null ? 0 : secret.length()) + " characters long;"
                    + " use at least 32 random characters (for example: openssl rand -base64 48).");
        }
        byte[] derived = DerivedKeys.hmac(secret.getBytes(StandardCharsets.UTF_8), "herald secret box");
        this.key = new SecretKeySpec(derived, "AES");
        this.keyId = HexFormat.of().formatHex(DerivedKeys.hmac(derived, "herald secret box key id"), 0, 4);
    }

    /** The box of {@code configured} ({@code herald.secret-key}), or else of a key generated once under {@code dataDir}. */
    public static SecretBox of(Optional<String> configured, Path dataDir) {
        return new SecretBox(configured.filter(secret -> !secret.isBlank())
                .orElseGet(() -> KeyFile.loadOrCreate(DataDirectory.prepare(dataDir), KeyFile.SECRET, "HERALD_SECRET_KEY")));
    }

    /**
     * Seals {@code plain} for {@code context} (e.g. which row and column holds it): opening it for another context
     * fails, so a sealed value copied elsewhere is refused.
     */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, context, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return VERSION + "." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The plain text of {@code sealed}; {@link Unreadable} says why it cannot be read. */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new Unreadable("The stored secret for " + context + " is not a sealed value (expected "
                    + VERSION + ".<key id>.<data>).");
        }
        if (!keyId.equals(parts[1])) {
            throw new Unreadable("The stored secret for " + context + " was sealed with another key (key id " + parts[1]
                    + "; this instance's is " + keyId + "). Set HERALD_SECRET_KEY to the key it was stored with, or"
                    + " connect the account again.");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw altered(context);
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw altered(context);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(data, 0, nonce, 0, NONCE_BYTES);
        byte[] body = new byte[data.length - NONCE_BYTES];
        System.arraycopy(data, NONCE_BYTES, body, 0, body.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, context, body), StandardCharsets.UTF_8);
    }

    private static Unreadable altered(String context) {
        return new Unreadable("The stored secret for " + context + " was altered or damaged (its authentication check"
                + " failed); it cannot be used. Connect the account again.");
    }

    /** One AES-GCM operation with its nonce and the context as associated data. */
    private byte[] crypt(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw altered(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    /** A sealed value that cannot be opened: another key, altered, or not sealed at all; the message says which. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }
}
