package app.herald.system;

import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database picked it as a deadlock victim: jobs running on several instances
 * (claims, recording) lock index entries of the rows they move, and the loser is rolled back whole, so a retry is safe.
 */
public final class Deadlocks {

    private static final int ATTEMPTS = 5;

    private Deadlocks() {
    }

    /** {@code transaction}'s result, tried up to five times while it fails as a deadlock victim. */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !victim(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean victim(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
