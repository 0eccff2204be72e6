package app.herald.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.herald.system.DerivedKeys;

/**
 * What Herald writes down instead of a sign-in name it cannot vouch for: people type passwords into the name field,
 * so a typed name is kept only as a keyed hash, enough to see the same unknown name tried again.
 */
@ApplicationScoped
public class TypedNames {

    private final byte[] key;

    @Inject
    public TypedNames(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.key = sessionKey.filter(secret -> !secret.isBlank())
                .map(secret -> DerivedKeys.derive(secret, "herald typed sign-in names").getBytes(StandardCharsets.US_ASCII))
                .orElseGet(TypedNames::randomKey);
    }

    /** {@code unknown name #} and 12 hex digits, the same for the same name (ignoring case and outer spaces). */
    public String marker(String typed) {
        String normalized = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return "unknown name #" + HexFormat.of().formatHex(DerivedKeys.hmac(key, normalized), 0, 6);
    }

    private static byte[] randomKey() {
        // Without a session key (never the case once HeraldMain has run) markers match within one run only.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
