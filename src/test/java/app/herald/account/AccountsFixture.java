package app.herald.account;


import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads account rows directly, for assertions about what a request stored. */
public final class AccountsFixture {

    private AccountsFixture() {
    }

    public static long idOf(String username) {
        return Arc.container().instance(Reader.class).get().id(username);
    }

    public static AppUser load(String username) {
        return Arc.container().instance(Reader.class).get().user(username);
    }

    /** Reads in a fresh transaction, so no session cache from earlier in the test hides what requests wrote. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Reader {
        long id(String username) {
            return QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElseThrow().id);
        }

        AppUser user(String username) {
            return QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElse(null));
        }
    }
}
