package app.herald.channel;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a connection attempt stands. Each state is left at most once through {@link #mayBecome}: a state (or a
 * Page choice) is claimed by moving it on with a conditional update, so a replayed callback finds it used.
 */
public enum ConnectionStatus {
    /** Sent to the platform's consent page; the callback has not come back. */
    STARTED,
    /** A callback (or a Page choice) claimed it and is talking to the platform. */
    EXCHANGING,
    /** Facebook: the Pages are held, sealed, until the admin picks one. */
    CHOOSING_PAGE,
    COMPLETED,
    FAILED;

    /** The one place that says which moves are allowed. */
    public boolean mayBecome(ConnectionStatus next) {
        Set<ConnectionStatus> allowed = switch (this) {
            case STARTED -> EnumSet.of(EXCHANGING, FAILED);
            case EXCHANGING -> EnumSet.of(CHOOSING_PAGE, COMPLETED, FAILED);
            case CHOOSING_PAGE -> EnumSet.of(EXCHANGING, FAILED);
            case COMPLETED, FAILED -> EnumSet.noneOf(ConnectionStatus.class);
        };
        return allowed.contains(next);
    }
}
