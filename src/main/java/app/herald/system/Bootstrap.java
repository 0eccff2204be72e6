package app.herald.system;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.account.AccountException;
import app.herald.account.InitialAdmin;
import io.quarkus.runtime.StartupEvent;

/** First-start work after Flyway has migrated: demo data when asked for, then an admin account if there is none. */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    @Inject
    HeraldConfig config;

    @Inject
    DemoData demoData;

    @Inject
    InitialAdmin initialAdmin;

    void onStart(@Observes StartupEvent event) {
        if (config.demo()) {
            demoData.seed();
            LOG.info("Demo mode: demo brand with rules, content and a schedule, and accounts admin, marketer, reviewer,"
                    + " manager are present"
                    + " (password herald-demo). Do not use demo mode in production.");
        }
        Optional<String> generated;
        try {
            generated = initialAdmin.createIfNoUsers(config.adminPassword());
        } catch (AccountException e) {
            throw new StartupFailure("HERALD_ADMIN_PASSWORD cannot be used: " + e.getMessage());
        }
        generated.ifPresent(password -> LOG.warnf("Created user '%s' with generated password: %s"
                + "  (shown only this once; change it or set HERALD_ADMIN_PASSWORD before first start)",
                InitialAdmin.USERNAME, password));
    }
}
