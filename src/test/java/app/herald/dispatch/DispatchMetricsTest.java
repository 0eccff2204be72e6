package app.herald.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import app.herald.channel.SandboxFailureMode;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A dispatch round moves the dispatcher's meters on the management port's /q/metrics. */
@QuarkusTest
class DispatchMetricsTest {

    @Inject
    Dispatcher dispatcher;

    private static String metrics() {
        return RestAssured.given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class))
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample whose line starts with {@code series}, 0 when it is not there yet. */
    private static double sample(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void aPublishedRoundCountsTheFinalStateTheAttemptsAndTheClaimLatency() {
        String published = "herald_dispatch_publications_total{state=\"PUBLISHED\"}";
        String ok = "herald_dispatch_attempts_total{outcome=\"OK\"}";
        String claimed = "herald_dispatch_due_to_claim_seconds_count";
        String before = metrics();
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 10_000);

        for (int round = 0; round < 10 && dispatcher.round("metrics-test") > 0; round++) {
            // Each round claims afresh.
        }

        String after = metrics();
        assertThat(sample(after, published)).isGreaterThanOrEqualTo(sample(before, published) + 1);
        assertThat(sample(after, ok)).isGreaterThan(sample(before, ok));
        assertThat(sample(after, claimed)).isGreaterThan(sample(before, claimed));
        assertThat(after).contains("herald_dispatch_paused_channels ");
    }
}
