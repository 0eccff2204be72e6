package app.herald.calendar;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where setting a publication's cover frame stands (V27): the dispatcher sets it once the platform holds the video
 * and commits {@link #SENDING} before the call, so a worker stopped during it is noticed by the next one.
 */
public enum CoverState {
    /** No cover frame chosen: the platform picks its own. */
    NONE,
    /** To be set once the platform holds the video. */
    PENDING,
    /** Being sent; found so by a new worker, the call may or may not have reached the platform. */
    SENDING,
    SET,
    /** Not set, for the reason in the publication's cover note; the post itself went on. */
    REFUSED;

    /** A new upload starts the cover again (NONE or PENDING) from any state; otherwise one way, through SENDING. */
    private static final Map<CoverState, Set<CoverState>> ALLOWED = Map.of(
            NONE, EnumSet.of(NONE, PENDING),
            PENDING, EnumSet.of(NONE, PENDING, SENDING),
            SENDING, EnumSet.of(NONE, PENDING, SET, REFUSED),
            SET, EnumSet.of(NONE, PENDING),
            REFUSED, EnumSet.of(NONE, PENDING));

    public boolean canMoveTo(CoverState target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Whether the dispatcher still has to set it. */
    public boolean open() {
        return this == PENDING || this == SENDING;
    }
}
