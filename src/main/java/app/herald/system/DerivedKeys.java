package app.herald.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keys for separate purposes derived from one configured secret, so no purpose reuses another's key. */
public final class DerivedKeys {

    private DerivedKeys() {
    }

    /** HMAC-SHA256 of {@code purpose} under {@code secret}, URL-safe Base64 (43 characters). */
    public static String derive(String secret, String purpose) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8),
                purpose));
    }

    /** HMAC-SHA256 of {@code message} under {@code key}. */
    public static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
