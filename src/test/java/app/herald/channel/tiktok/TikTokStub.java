package app.herald.channel.tiktok;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import app.herald.channel.PlatformStub;

/**
 * A WireMock server standing in for TikTok (OAuth token endpoint, Content Posting and Display API, upload URLs) on a
 * free port of 127.0.0.1, with TikTok's smallest chunk size and a short timeout so tests run fast.
 */
public class TikTokStub extends PlatformStub {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    public static final String CLIENT_KEY = "herald-test-client-key";
    public static final String CLIENT_SECRET = "herald-test-client-secret";
    public static final int CHUNK = 5 * 1024 * 1024;

    public TikTokStub() {
        super(Server.class);
    }

    @Override
    protected Map<String, String> settings(String base) {
        return Map.of("herald.tiktok.api-base", base,
                "herald.tiktok.client-key", CLIENT_KEY,
                "herald.tiktok.client-secret", CLIENT_SECRET,
                "herald.tiktok.chunk-size", String.valueOf(CHUNK),
                "herald.tiktok.timeout", "PT3S");
    }
}
