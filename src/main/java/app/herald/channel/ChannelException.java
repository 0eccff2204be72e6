package app.herald.channel;

/** A channel change refused for a reason the user can fix; the message says which. */
public class ChannelException extends RuntimeException {

    public ChannelException(String message) {
        super(message);
    }
}
