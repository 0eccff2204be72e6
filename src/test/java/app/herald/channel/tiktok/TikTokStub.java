package app.herald.channel.tiktok;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server standing in for TikTok (OAuth token endpoint, Content Posting and Display API, upload URLs) on a
 * free port of 127.0.0.1, with TikTok's smallest chunk size and a short timeout so tests run fast.
 */
public class TikTokStub implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    public static final String CLIENT_KEY = "herald-test-client-key";
    public static final String CLIENT_SECRET = "herald-test-client-secret";
    public static final int CHUNK = 5 * 1024 * 1024;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("herald.tiktok.api-base", "http://127.0.0.1:" + server.port(),
                "herald.tiktok.client-key", CLIENT_KEY,
                "herald.tiktok.client-secret", CLIENT_SECRET,
                "herald.tiktok.chunk-size", String.valueOf(CHUNK),
                "herald.tiktok.timeout", "PT3S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
