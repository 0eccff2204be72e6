package app.herald.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.brand.Brand;
import app.herald.system.HeraldConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The weekly analytics digest: from Monday at {@code herald.digest.hour} in each brand's zone, every manager of the
 * brand who gave an e-mail address and did not opt out gets last week's KPI numbers (the dashboard's, Monday to
 * Sunday) once. Each (manager, brand, week) is claimed by inserting its {@code digest_delivery} row before the
 * e-mail leaves, so several instances, or a job run twice, never send one digest twice.
 */
@ApplicationScoped
public class WeeklyDigest {

    private static final Logger LOG = Logger.getLogger(WeeklyDigest.class);

    @Inject
    DashboardQueries queries;

    @Inject
    HeraldConfig config;

    @Inject
    Mailer mailer;

    @CheckedTemplate(basePath = "analytics")
    static class Templates {
        static native TemplateInstance digest(String brand, AnalyticsPeriod period, List<Kpi> kpis, String link,
                String profileLink);
    }

    /** A manager who should get a brand's digest, and that brand. */
    record Recipient(long userId, String username, String email, long brandId, String brandName, ZoneId zone) {
    }

    void checkSettings(@Observes StartupEvent start) {
        if (config.digest().hour() < 0 || config.digest().hour() > 23) {
            throw new IllegalStateException("herald.digest.hour must be an hour from 0 to 23, not " + config.digest().hour());
        }
    }

    @Scheduled(identity = "weekly-digest", cron = "${herald.digest.cron:0 5 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        send(Instant.now());
    }

    /** Sends every digest due at {@code now} that no instance has claimed yet; returns how many were sent. */
    public int send(Instant now) {
        if (!config.mail().enabled()) {
            return 0;
        }
        Map<String, List<Kpi>> numbers = new HashMap<>();
        int sent = 0;
        for (Recipient recipient : QuarkusTransaction.requiringNew().call(WeeklyDigest::recipients)) {
            AnalyticsPeriod week = lastWeek(now, recipient.zone(), config.digest().hour());
            if (!claim(recipient, week, now)) {
                continue;
            }
            // The whole brand, as the manager's dashboard reads it, so the numbers are the dashboard's.
            DashboardScope scope = new DashboardScope(recipient.brandId(), recipient.brandName(), week, null);
            try {
                List<Kpi> kpis = numbers.computeIfAbsent(recipient.brandId() + "/" + week.from(),
                        key -> QuarkusTransaction.requiringNew().call(() -> queries.kpis(scope)));
                mailer.send(mail(recipient, scope, kpis));
                QuarkusTransaction.requiringNew().run(() -> Brand.getEntityManager().createNativeQuery(
                        "UPDATE digest_delivery SET sent_at = ?1 WHERE user_id = ?2 AND brand_id = ?3 AND week_start = ?4")
                        .setParameter(1, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                        .setParameter(2, recipient.userId()).setParameter(3, recipient.brandId())
                        .setParameter(4, week.from()).executeUpdate());
                sent++;
            } catch (RuntimeException e) {
                // Released, so the next run tries again rather than the manager never getting this week's digest.
                QuarkusTransaction.requiringNew().run(() -> Brand.getEntityManager().createNativeQuery(
                        "DELETE FROM digest_delivery WHERE user_id = ?1 AND brand_id = ?2 AND week_start = ?3")
                        .setParameter(1, recipient.userId()).setParameter(2, recipient.brandId())
                        .setParameter(3, week.from()).executeUpdate());
                LOG.warnf("Weekly digest of %s for %s not sent (tried again at the next run): %s", recipient.brandName(),
                        recipient.username(), e.getMessage());
            }
        }
        return sent;
    }

    /**
     * The last Monday-to-Sunday week whose digest is due at {@code now} in {@code zone}: the week before this one
     * from Monday at {@code hour}, the one before that until then.
     */
    static AnalyticsPeriod lastWeek(Instant now, ZoneId zone, int hour) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (local.isBefore(monday.atTime(hour, 0))) {
            monday = monday.minusWeeks(1);
        }
        return new AnalyticsPeriod(AnalyticsPeriod.CUSTOM, monday.minusWeeks(1), monday.minusDays(1), zone);
    }

    /** Managers with an address who did not opt out, once per brand they are a member of. */
    private static List<Recipient> recipients() {
        List<Object[]> rows = Brand.getEntityManager().createQuery("select u, b from Brand b join b.members u"
                + " where u.active = true and u.weeklyDigest = true and u.email is not null order by b.id, u.id",
                Object[].class).getResultList();
        List<Recipient> recipients = new ArrayList<>();
        for (Object[] row : rows) {
            AppUser user = (AppUser) row[0];
            Brand brand = (Brand) row[1];
            if (user.hasRole(Role.MANAGER)) {
                recipients.add(new Recipient(user.id, user.username, user.email, brand.id, brand.name,
                        ZoneId.of(brand.timezone)));
            }
        }
        return recipients;
    }

    /** Inserts the digest's row in its own transaction; false when another run or instance already has it. */
    private static boolean claim(Recipient recipient, AnalyticsPeriod week, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Brand.getEntityManager().createNativeQuery(
                "INSERT IGNORE INTO digest_delivery (user_id, brand_id, week_start, claimed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, recipient.userId()).setParameter(2, recipient.brandId()).setParameter(3, week.from())
                .setParameter(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()) == 1;
    }

    private Mail mail(Recipient recipient, DashboardScope scope, List<Kpi> kpis) {
        String base = config.mail().publicUrl().or(config::publicUrl).map(url -> url.replaceAll("/+$", "")).orElse("");
        String text = Templates.digest(recipient.brandName(), scope.period(), kpis, base + "/analytics?" + scope.query(),
                base + "/profile").render();
        return Mail.withText(recipient.email(), "Herald weekly digest: " + recipient.brandName() + ", "
                + scope.period().from() + " – " + scope.period().to(), text).setFrom(config.mail().from());
    }
}
