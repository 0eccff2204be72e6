package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.herald.web.WebSession;
import io.restassured.RestAssured;

/**
 * The packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) killed with SIGKILL, as an OOM kill or a
 * container stop does it, and started again: its embedded MariaDB does not outlive it, a server left behind anyway
 * is stopped by the next start, and everything stored before the kill is still there (and after a normal stop).
 * A start that cannot succeed exits with status 1 and says why on stderr.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String ADMIN_PASSWORD = "crash-test-admin-password";
    private static final Duration BOOT = Duration.ofSeconds(150);
    private static final Duration SERVER_GONE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    /** Every process this test started or saw started (apps, their servers and watchdogs), killed when it ends. */
    private final List<ProcessHandle> launched = new ArrayList<>();
    private int runs;

    @BeforeAll
    static void packagedAppExists() {
        assertThat(JAR).as("the packaged app (mvn package builds it before the integration tests)").exists();
    }

    @AfterEach
    void killEverythingStillRunning() {
        List<ProcessHandle> all = new ArrayList<>(launched);
        launched.forEach(process -> process.descendants().forEach(all::add));
        all.forEach(ProcessHandle::destroyForcibly);
        RestAssured.reset();
    }

    @Test
    void afterAKillTheDatabaseStopsAndTheNextStartServesTheSameData() throws Exception {
        Path dataDir = dir.resolve("data");
        int port = freePort();
        RestAssured.port = port;

        App first = started(dataDir, port);
        WebSession admin = WebSession.signIn("admin", ADMIN_PASSWORD);
        assertThat(admin.submit("/admin/users", "/admin/users", Map.of("username", "survivor", "displayName",
                "Still Here", "password", "survivor-password", "roles", List.of("REVIEWER"))).statusCode()).isEqualTo(303);
        ProcessHandle firstServer = first.database();

        first.kill();
        assertThat(awaitGone(firstServer, SERVER_GONE)).as("the embedded MariaDB stopped after the app was killed").isTrue();

        App second = started(dataDir, port);
        assertThat(WebSession.anonymous().page("/login").select("form[action=/j_security_check]")).hasSize(1);
        assertThat(admin.page("/admin/users").select("tr:has(code:containsOwn(survivor)) td").eachText())
                .as("the user created before the kill, seen through the session opened before the kill")
                .contains("Still Here", "Reviewer");
        assertThat(WebSession.signIn("survivor", "survivor-password").page("/").select(".mainnav li").eachText())
                .contains("Review");

        Run refused = run(dataDir, freePort());
        assertThat(refused.exitCode).isEqualTo(1);
        assertThat(refused.stderr).contains("Herald cannot start: Another Herald is running with its embedded MariaDB under "
                + dataDir.resolve("mariadb"));
        assertThat(second.process.isAlive()).as("the running Herald is untouched").isTrue();

        // Now as if the watchdog had died with the app: the server stays behind, and the next start must deal with it.
        ProcessHandle leftover = second.database();
        second.watchdog().destroyForcibly();
        second.kill();
        assertThat(awaitGone(leftover, Duration.ofSeconds(3))).as("without its watchdog the server stays behind").isFalse();

        App third = started(dataDir, port);
        assertThat(running(leftover)).as("the next start stopped the server left behind").isFalse();
        assertThat(third.stdout()).contains("A MariaDB server (pid " + leftover.pid() + ") is still running on "
                + dataDir.resolve("mariadb").resolve("data"));
        assertThat(WebSession.signIn("survivor", "survivor-password").page("/").select(".mainnav li").eachText())
                .contains("Review");

        // And a normal stop (SIGTERM) keeps the data too, even in a folder under java.io.tmpdir as this one is.
        third.stop();
        started(dataDir, port);
        assertThat(WebSession.signIn("survivor", "survivor-password").page("/").select(".mainnav li").eachText())
                .contains("Review");
    }

    @Test
    void aStartThatCannotSucceedExitsWithStatus1AndSaysWhyOnStderr() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "not a folder");
        Run unwritable = run(notAFolder.resolve("data"), freePort());
        assertThat(unwritable.exitCode).isEqualTo(1);
        assertThat(unwritable.stderr).contains("Herald cannot start: The data directory " + notAFolder.resolve("data")
                + " cannot be written").contains("HERALD_DATA_DIR");

        Run shortKey = run(dir.resolve("data"), freePort(), Map.of("HERALD_SESSION_KEY", "too-short"));
        assertThat(shortKey.exitCode).isEqualTo(1);
        assertThat(shortKey.stderr).contains("Herald cannot start: HERALD_SESSION_KEY is 9 characters long");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            Run clash = run(dir.resolve("data"), taken.getLocalPort());
            assertThat(clash.exitCode).isEqualTo(1);
            assertThat(clash.stderr).contains("Herald cannot start: port " + taken.getLocalPort()
                    + " is already in use").contains("QUARKUS_HTTP_PORT");
        }
    }

    /** Launches the app and waits until it reports ready. */
    private App started(Path dataDir, int port) throws Exception {
        App app = launch(dataDir, port);
        long deadline = System.nanoTime() + BOOT.toNanos();
        // Health may move to the management interface; whichever answers UP will do.
        while (!isUp("http://127.0.0.1:" + port + "/q/health/ready") && !isUp("http://127.0.0.1:" + (port + 1) + "/q/health/ready")) {
            if (!app.process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Herald did not become ready on port " + port + " (exit "
                        + (app.process.isAlive() ? "none yet" : app.process.exitValue()) + ")\n" + app.output());
            }
            Thread.sleep(250);
        }
        // Known now, while they are still its descendants: after a kill they belong to nobody.
        app.process.toHandle().descendants().forEach(launched::add);
        return app;
    }

    /** One started app; its output goes to files in the test's folder, quoted when something goes wrong. */
    private record App(Process process, Path stdoutFile, Path stderrFile) {

        ProcessHandle database() {
            return descendant(arguments -> arguments.stream().anyMatch(a -> a.startsWith("--datadir=")), "embedded MariaDB");
        }

        ProcessHandle watchdog() {
            return descendant(arguments -> arguments.contains("herald-db-watchdog"), "watchdog");
        }

        private ProcessHandle descendant(Predicate<List<String>> arguments, String what) {
            return process.toHandle().descendants()
                    .filter(p -> p.info().arguments().map(Arrays::asList).filter(arguments).isPresent())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No " + what + " process under Herald (pid " + process.pid() + ")"));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("Herald died of SIGKILL").isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("Herald stopped on SIGTERM").isTrue();
        }

        String stdout() throws IOException {
            return Files.readString(stdoutFile);
        }

        String output() throws IOException {
            return "--- stdout\n" + stdout() + "\n--- stderr\n" + Files.readString(stderrFile);
        }
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run run(Path dataDir, int port) throws Exception {
        return run(dataDir, port, Map.of());
    }

    /** Runs the app to its end, which for a start that cannot succeed should come soon. */
    private Run run(Path dataDir, int port, Map<String, String> environment) throws Exception {
        App app = launch(dataDir, port, environment);
        if (!app.process.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("Herald was expected to give up but is still running\n" + app.output());
        }
        return new Run(app.process.exitValue(), Files.readString(app.stderrFile));
    }

    private App launch(Path dataDir, int port) throws IOException {
        return launch(dataDir, port, Map.of());
    }

    private App launch(Path dataDir, int port, Map<String, String> extraEnvironment) throws IOException {
        int run = ++runs;
        Path stdout = dir.resolve("run-" + run + ".out");
        Path stderr = dir.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + (port + 1), "-jar", JAR.toString())
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("HERALD_") || name.startsWith("QUARKUS_"));
        environment.put("HERALD_DATA_DIR", dataDir.toString());
        environment.put("HERALD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putAll(extraEnvironment);
        Process process = builder.start();
        launched.add(process.toHandle());
        return new App(process, stdout, stderr);
    }

    private static boolean isUp(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListening) {
            return false;
        }
    }

    private static boolean awaitGone(ProcessHandle server, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(server)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** A process that has exited but not been reaped yet (init may take its time) has no command line any more. */
    private static boolean running(ProcessHandle process) {
        return process.isAlive() && process.info().command().isPresent();
    }

    /** A port free for both the app and the next one up (its management interface, if enabled). */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
    }
}
