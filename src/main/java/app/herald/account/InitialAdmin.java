package app.herald.account;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.herald.system.HeraldConfig;
import app.herald.system.StartupFailure;
import io.quarkus.runtime.StartupEvent;

/** Creates the {@code admin} account when the user table is empty, so a fresh install can be signed into. */
@ApplicationScoped
public class InitialAdmin {

    public static final String USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    @Inject
    UserService users;

    @Inject
    HeraldConfig config;

    /** After Flyway has migrated and demo seeding (if any) has run. */
    void onStart(@Observes @Priority(2000) StartupEvent event) {
        Optional<String> generated;
        try {
            generated = createIfNoUsers(config.adminPassword());
        } catch (AccountException e) {
            throw new StartupFailure("HERALD_ADMIN_PASSWORD cannot be used: " + e.getMessage());
        }
        generated.ifPresent(password -> LOG.warnf("Created user '%s' with generated password: %s"
                + "  (shown only this once; change it or set HERALD_ADMIN_PASSWORD before first start)",
                USERNAME, password));
    }

    /** Returns the generated password when one had to be made up; empty when nothing was created or it was given. */
    @Transactional
    public Optional<String> createIfNoUsers(Optional<String> configuredPassword) {
        if (AppUser.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(InitialAdmin::generatePassword);
        users.create(USERNAME, "Administrator", password, EnumSet.of(Role.ADMIN));
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
