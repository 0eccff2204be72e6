package app.herald.brand;

/** A refused brand change; the message is shown to the user as is. */
public class BrandException extends RuntimeException {

    public BrandException(String message) {
        super(message);
    }
}
