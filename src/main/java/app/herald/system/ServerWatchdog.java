package app.herald.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * A tiny companion process that stops the embedded server as soon as the JVM that started it is gone, even after
 * a SIGKILL that runs no shutdown hook: it blocks reading a pipe whose only writer is this JVM, and the kernel
 * closes that pipe however the JVM ends.
 */
final class ServerWatchdog {

    // $1 is the server's pid. `read` returns at end of input, which is when the JVM has died.
    private static final String SCRIPT = "read line; kill \"$1\"";
    private static final Logger LOG = Logger.getLogger(ServerWatchdog.class);

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    /** Starts watching; without a POSIX shell (Windows) there is no watchdog and the next start stops a leftover. */
    static Optional<ServerWatchdog> watch(ProcessHandle server) {
        // Output is discarded rather than inherited, so the watchdog never keeps a caller's pipe open after we exit.
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "herald-db-watchdog", String.valueOf(server.pid()))
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD);
        try {
            return Optional.of(new ServerWatchdog(builder.start()));
        } catch (IOException e) {
            LOG.warnf("No watchdog for the embedded MariaDB (pid %d): %s. If Herald is killed, the next start stops"
                    + " the server it left behind.", server.pid(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Called before a normal stop, so the watchdog never signals a pid that the stopped server has given up. */
    void cancel() {
        // SIGKILL: a shell started with SIGTERM ignored would otherwise read the end of input and signal anyway.
        process.destroyForcibly();
    }
}
