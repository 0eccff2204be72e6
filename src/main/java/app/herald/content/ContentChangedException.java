package app.herald.content;

/** A change based on a version of the content that is no longer the current one; pages answer it with a 409. */
public class ContentChangedException extends ContentException {

    public ContentChangedException(String message) {
        super(message);
    }
}
