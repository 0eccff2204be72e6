package app.herald.calendar;

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

    /** Whether the dispatcher still has to set it. */
    public boolean open() {
        return this == PENDING || this == SENDING;
    }
}
