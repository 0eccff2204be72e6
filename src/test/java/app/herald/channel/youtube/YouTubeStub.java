package app.herald.channel.youtube;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import app.herald.channel.Channel;
import app.herald.channel.PlatformStub;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A WireMock server standing in for Google (OAuth token endpoint, upload endpoint, Data API) on a free port of
 * 127.0.0.1; every YouTube base URL points at it, with small chunks and a short timeout so tests run fast.
 */
public class YouTubeStub extends PlatformStub {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    public static final String CLIENT_ID = "herald-test.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "herald-test-client-secret";
    public static final int CHUNK = 262_144;

    /**
     * Forgets the quota every test run spends on the one stubbed Google project: a test that filled it (or met
     * {@code quotaExceeded}) must not stop the next one.
     */
    public static void resetQuota() {
        QuarkusTransaction.requiringNew().run(() -> Channel.getEntityManager().createNativeQuery("DELETE FROM youtube_quota")
                .executeUpdate());
    }

    public YouTubeStub() {
        super(Server.class);
    }

    /** Many publications at once need a stub that keeps each upload session's bytes: {@link ResumableSessions}. */
    @Override
    protected WireMockConfiguration configure(WireMockConfiguration defaults) {
        return defaults.extensions(new ResumableSessions());
    }

    @Override
    protected Map<String, String> settings(String base) {
        return Map.of("herald.google.oauth-base", base,
                "herald.youtube.upload-base", base,
                "herald.youtube.api-base", base,
                "herald.youtube.analytics-base", base,
                "herald.youtube.client-id", CLIENT_ID,
                "herald.youtube.client-secret", CLIENT_SECRET,
                "herald.youtube.chunk-size", String.valueOf(CHUNK),
                "herald.youtube.timeout", "PT3S");
    }
}
