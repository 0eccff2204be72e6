package app.herald.channel;

/** How the dispatcher treats a failed platform call. */
public enum FailureClass {
    /** Back off and retry the same step. */
    TRANSIENT,
    /** The platform asks us to wait until its reset time: that channel pauses, the others go on. */
    RATE_LIMITED,
    /** The token was refused: refresh once, then the channel needs reconnecting. */
    AUTH,
    /** Permanent: the platform's message is shown to the user and nothing is retried. */
    INVALID,
    /** The request may have succeeded: reconcile through status or lookup before anything is sent again. */
    UNKNOWN_OUTCOME
}
