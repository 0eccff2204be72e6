package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.channel.Channel;
import app.herald.platform.Platform;
import app.herald.web.Viewer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The calendar: month and week views of the publications of the user's brands, in the viewer's zone, filtered. */
@Path("/calendar")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CalendarResource {

    @Inject
    BrandAccess brands;

    @Inject
    Viewer viewer;

    @Inject
    RoleCheck roles;

    /** What the filter bar offers. */
    public record Options(List<Brand> brands, List<Channel> channels, List<Platform> platforms,
            List<PublicationStatus> statuses) {
    }

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance calendar(CalendarView view, CalendarFilter filter, Options options,
                boolean canMove, LocalDate today);
    }

    @GET
    public TemplateInstance calendar(@QueryParam("view") String mode, @QueryParam("date") String date,
            @QueryParam("brand") Long brand, @QueryParam("channel") Long channel, @QueryParam("platform") String platform,
            @QueryParam("status") String status) {
        ZoneId zone = viewer.zone();
        LocalDate today = LocalDate.now(zone);
        LocalDate anchor = parseDate(date, today);
        CalendarView.Mode chosen = "week".equals(mode) ? CalendarView.Mode.WEEK : CalendarView.Mode.MONTH;
        CalendarFilter filter = CalendarFilter.parse(brand, channel, platform, status);
        List<Brand> visible = brands.visibleBrands();
        LocalDate[] range = CalendarView.range(chosen, anchor);
        List<CalendarEntry> entries = entries(visible, filter, range[0].atStartOfDay(zone).toInstant(),
                range[1].plusDays(1).atStartOfDay(zone).toInstant());
        Options options = new Options(visible, Channel.listForBrands(visible), List.of(Platform.values()),
                List.of(PublicationStatus.values()));
        boolean canMove = roles.any(Role.MARKETER, Role.MANAGER, Role.ADMIN);
        return Templates.calendar(CalendarView.build(chosen, anchor, today, zone, entries), filter, options, canMove, today);
    }

    /** Publications of {@code visible} brands in [from, to) matching the filter, in time order. */
    static List<CalendarEntry> entries(List<Brand> visible, CalendarFilter filter, Instant from, Instant to) {
        if (visible.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("select new app.herald.calendar.CalendarEntry(p.id, p.scheduledAt, p.status,"
                + " c.title, ch.id, ch.platform, ch.displayName, ch.sandbox, b.id) from Publication p join p.content c"
                + " join p.channel ch join ch.brand b where b in :brands and p.scheduledAt >= :from and p.scheduledAt < :to");
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
        TypedQuery<CalendarEntry> query = Panache.getEntityManager().createQuery(jpql.toString(), CalendarEntry.class)
                .setParameter("brands", visible).setParameter("from", from).setParameter("to", to);
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

    private static LocalDate parseDate(String date, LocalDate today) {
        if (date == null || date.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return today;
        }
    }
}
