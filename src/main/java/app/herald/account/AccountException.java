package app.herald.account;

/** A refused account change; the message is shown to the user as is. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
