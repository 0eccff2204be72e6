package app.herald.channel.facebook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import app.herald.channel.PlatformStub;

/**
 * A WireMock server standing in for Meta (Graph API and rupload) on a free port of 127.0.0.1; both Facebook bases
 * point at it, with small chunks and a short timeout so tests run fast.
 */
public class FacebookStub extends PlatformStub {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    public static final String VERSION = "v25.0";
    public static final int CHUNK = 200_000;

    public FacebookStub() {
        super(Server.class);
    }

    @Override
    protected Map<String, String> settings(String base) {
        return Map.of("herald.facebook.graph-base", base,
                "herald.facebook.rupload-base", base,
                "herald.facebook.app-id", "1234567890",
                "herald.facebook.app-secret", "herald-test-app-secret",
                "herald.facebook.chunk-size", String.valueOf(CHUNK),
                "herald.facebook.timeout", "PT3S");
    }
}
