package app.herald.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.herald.account.Role;
import app.herald.brand.BrandAccess;
import app.herald.brand.BrandScope;
import app.herald.calendar.CalendarEntry;
import app.herald.calendar.CalendarFilter;
import app.herald.calendar.PublicationStatus;
import app.herald.content.ContentComment;
import app.herald.content.ContentState;
import app.herald.system.ReadCache;
import app.herald.web.Viewer;
import app.herald.web.ZonedTime;

/**
 * Gathers each user's home page: unread notifications, and by role the review queue (reviewers), their own content
 * (marketers) and the coming week's publications (managers); admins get every section. Kept per user until this
 * instance writes anything or {@code herald.cache-ttl} passes.
 */
@ApplicationScoped
public class HomeService {

    @Inject
    EntityManager em;

    @Inject
    BrandAccess brands;

    @Inject
    Viewer viewer;

    @Inject
    ReadCache<String, HomePage> pages;

    /** The signed-in viewer's home page. */
    public HomePage page() {
        return pages.get(viewer.username(), username -> read(username, viewer.roles()));
    }

    private HomePage read(String username, Set<Role> roles) {
        BrandScope scope = brands.scope();
        ZoneId zone = viewer.zone();
        Instant now = Instant.now();
        boolean admin = roles.contains(Role.ADMIN);
        return new HomePage(!brands.visibleBrands().isEmpty(),
                admin || roles.contains(Role.REVIEWER) || roles.contains(Role.MANAGER), zone, unread(username, zone),
                admin || roles.contains(Role.REVIEWER) ? reviewQueue(scope) : null,
                admin || roles.contains(Role.MARKETER) ? ownContent(username, zone) : null,
                admin || roles.contains(Role.MANAGER) ? week(scope, now, zone) : null);
    }

    private List<HomePage.Unread> unread(String username, ZoneId zone) {
        List<Object[]> rows = em.createQuery("select n.message, n.link, n.createdAt from Notification n where n.recipient = ?1"
                + " and n.readAt is null order by n.createdAt desc, n.id desc", Object[].class)
                .setParameter(1, username).setMaxResults(HomePage.UNREAD_SHOWN).getResultList();
        return rows.stream().map(row -> new HomePage.Unread((String) row[0], (String) row[1],
                ZonedTime.format((Instant) row[2], zone))).toList();
    }

    /** The same queue as the review page: submitted content of the viewer's brands, oldest submission first. */
    private HomePage.ReviewQueue reviewQueue(BrandScope scope) {
        String where = " where c.state = :submitted and " + scope.condition("b.id");
        long waiting = scope.bind(em.createQuery("select count(c) from ContentItem c join c.brand b" + where, Long.class))
                .setParameter("submitted", ContentState.SUBMITTED).getSingleResult();
        HomePage.Waiting oldest = waiting == 0 ? null
                : scope.bind(em.createQuery("select c.id, c.title, b.name, c.createdBy, c.submittedAt from ContentItem c"
                        + " join c.brand b" + where + " order by c.submittedAt, c.id", HomePage.Waiting.class))
                        .setParameter("submitted", ContentState.SUBMITTED).setMaxResults(1).getSingleResult();
        return new HomePage.ReviewQueue(waiting, oldest);
    }

    private HomePage.OwnContent ownContent(String username, ZoneId zone) {
        List<HomePage.StateCount> byState = em.createQuery("select c.state, count(c) from ContentItem c where c.createdBy = ?1"
                + " group by c.state", HomePage.StateCount.class).setParameter(1, username).getResultList().stream()
                .sorted(Comparator.comparing(HomePage.StateCount::state)).toList();
        List<Object[]> rows = em.createQuery("select c.id, c.title, m.author, m.body, m.createdAt"
                + " from ContentItem c, ContentComment m where m.contentId = c.id and c.createdBy = ?1 and c.state = ?2"
                + " and m.id = (select max(l.id) from ContentComment l where l.contentId = c.id and l.kind = ?3)"
                + " order by m.createdAt desc, c.id", Object[].class)
                .setParameter(1, username).setParameter(2, ContentState.CHANGES_REQUESTED)
                .setParameter(3, ContentComment.Kind.CHANGES_REQUESTED).setMaxResults(HomePage.SENT_BACK_SHOWN).getResultList();
        return new HomePage.OwnContent(byState, rows.stream().map(row -> new HomePage.SentBack((Long) row[0],
                (String) row[1], (String) row[2], (String) row[3], ZonedTime.format((Instant) row[4], zone))).toList());
    }

    private static List<HomePage.Scheduled> week(BrandScope scope, Instant now, ZoneId zone) {
        return CalendarEntry.list(scope, CalendarFilter.NONE, now, now.plus(HomePage.WEEK)).stream()
                .map(entry -> new HomePage.Scheduled(entry, ZonedTime.format(entry.scheduledAt(), zone),
                        entry.platform().label() + " · " + entry.channelName(), entry.status() != PublicationStatus.SCHEDULED))
                .toList();
    }
}
