package app.herald.content;

/** A refused content or review action; the message is shown to the user as is. */
public class ContentException extends RuntimeException {

    public ContentException(String message) {
        super(message);
    }
}
