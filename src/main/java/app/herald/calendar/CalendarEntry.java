package app.herald.calendar;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.TypedQuery;

import app.herald.brand.BrandScope;
import app.herald.platform.Platform;
import io.quarkus.hibernate.orm.panache.Panache;

/** One publication as the calendar draws it: a flat projection, so a month of thousands renders quickly. */
public record CalendarEntry(long id, Instant scheduledAt, PublicationStatus status, String title, long channelId,
        Platform platform, String channelName, boolean sandbox, long brandId, String slotNote) {

    /** Publications of the brands in {@code scope} in [from, to) matching the filter, in time order. */
    public static List<CalendarEntry> list(BrandScope scope, CalendarFilter filter, Instant from, Instant to) {
        StringBuilder jpql = new StringBuilder("select new app.herald.calendar.CalendarEntry(p.id, p.scheduledAt, p.status,"
                + " c.title, ch.id, ch.platform, ch.displayName, ch.sandbox, b.id, p.slotNote) from Publication p join p.content c"
                + " join p.channel ch join ch.brand b where " + scope.condition("b.id")
                + " and p.scheduledAt >= :from and p.scheduledAt < :to");
        if (filter.brand() != null) {
            jpql.append(" and b.id = :brand");
        }
        if (filter.channel() != null) {
            jpql.append(" and ch.id = :channel");
        }
        if (filter.platform() != null) {
            jpql.append(" and ch.platform = :platform");
        }
        if (filter.status() != null) {
            jpql.append(" and p.status = :status");
        }
        jpql.append(" order by p.scheduledAt, p.id");
        TypedQuery<CalendarEntry> query = scope.bind(Panache.getEntityManager().createQuery(jpql.toString(), CalendarEntry.class))
                .setParameter("from", from).setParameter("to", to);
        if (filter.brand() != null) {
            query.setParameter("brand", filter.brand());
        }
        if (filter.channel() != null) {
            query.setParameter("channel", filter.channel());
        }
        if (filter.platform() != null) {
            query.setParameter("platform", filter.platform());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        return query.getResultList();
    }
}
