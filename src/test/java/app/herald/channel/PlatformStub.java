package app.herald.channel;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.Annotation;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server standing in for one platform on a free port of 127.0.0.1: each platform's stub says which
 * settings point at it and which annotation marks the test field that receives it.
 */
public abstract class PlatformStub implements QuarkusTestResourceLifecycleManager {

    private final Class<? extends Annotation> marker;
    private WireMockServer server;

    protected PlatformStub(Class<? extends Annotation> marker) {
        this.marker = marker;
    }

    /** The settings that send the platform's calls to {@code base}. */
    protected abstract Map<String, String> settings(String base);

    /** The server's options; a platform whose tests need stateful answers adds its extensions here. */
    protected WireMockConfiguration configure(WireMockConfiguration defaults) {
        return defaults;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(configure(options().bindAddress("127.0.0.1").dynamicPort()));
        server.start();
        return settings("http://127.0.0.1:" + server.port());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(marker, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
