package app.herald.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Health and metrics answer on the management port, and nothing of them on the public one. */
@QuarkusTest
class OperationsTest {

    /** A request to the management interface (a random free port in tests). */
    static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    @Test
    void readinessIncludesTheDatabase() {
        management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void livenessIsUp() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusTextOnTheManagementPort() {
        management().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void thePublicPortServesNeitherMetricsNorHealth() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready" }) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }
}
