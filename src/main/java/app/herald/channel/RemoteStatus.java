package app.herald.channel;

/** Where an upload or video stands on the platform, as a status query or a lookup found it. */
public record RemoteStatus(State state, long bytesReceived, String videoId, String url, String message) {

    /** The platform's answer, reduced to what the dispatcher acts on. */
    public enum State {
        /** The upload session holds {@code bytesReceived} bytes and waits for more (or for finishing). */
        UPLOADING,
        /** All bytes are in; the platform is still processing. */
        PROCESSING,
        /** Processed and held by the platform, which makes it public at the time it was given. */
        SCHEDULED,
        PUBLISHED,
        /** The platform refused the video after upload; {@code message} says why. */
        FAILED,
        /** The platform knows nothing of the handle (an expired session, a lost container). */
        NOT_FOUND
    }
}
