package app.herald.content.media;

import app.herald.content.ContentException;

/** An upload or conversion refused with a message for the user; nothing of it was kept. */
public class MediaRejectedException extends ContentException {

    public MediaRejectedException(String message) {
        super(message);
    }
}
