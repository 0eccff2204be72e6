package app.herald.system;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A counter of the database writes made by this instance, so read caches ({@link ReadCache}) can tell whether
 * anything may have changed since they read. It moves when a write statement is prepared and again when its
 * transaction ends: a cache filled between the two is never mistaken for current.
 */
@ApplicationScoped
public class CommittedWrites {

    private static final Object REGISTERED = CommittedWrites.class;

    private final AtomicLong generation = new AtomicLong();

    @Inject
    TransactionSynchronizationRegistry transactions;

    public long generation() {
        return generation.get();
    }

    /** Called before a write statement runs; counts it now and once more when its transaction completes. */
    void writing() {
        advance();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && transactions.getResource(REGISTERED) == null) {
            transactions.putResource(REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    advance();
                }
            });
        }
    }

    void advance() {
        generation.incrementAndGet();
    }
}
