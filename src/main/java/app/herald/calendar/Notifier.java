package app.herald.calendar;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import app.herald.account.AppUser;
import app.herald.system.HeraldConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Tells a user something: a notification in the bell, and an e-mail when mail is on and they gave an address. The
 * e-mail leaves only once the notification is committed, and never inside the transaction.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    HeraldConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String recipient, String message, String link, Instant now) {
        Notification notification = new Notification();
        notification.recipient = recipient;
        notification.message = message;
        notification.link = link;
        notification.createdAt = now;
        notification.persist();
        if (!config.mail().enabled()) {
            return;
        }
        String address = AppUser.findByUsername(recipient).map(user -> user.email).orElse(null);
        if (address == null) {
            return;
        }
        String url = link == null ? null : config.mail().publicUrl().or(config::publicUrl).map(base -> base.replaceAll("/+$", "") + link).orElse(null);
        Mail mail = Mail.withText(address, "Herald: " + abbreviate(message),
                message + (url == null ? "" : "\n\n" + url) + "\n\nChange or stop these e-mails on your Herald profile page.")
                .setFrom(config.mail().from());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    mailer.send(mail).subscribe().with(done -> {
                    }, failure -> LOG.warnf("Notification e-mail to %s not sent: %s", recipient, failure.getMessage()));
                }
            }
        });
    }

    private static String abbreviate(String message) {
        return message.length() <= 90 ? message : message.substring(0, 89) + "…";
    }
}
