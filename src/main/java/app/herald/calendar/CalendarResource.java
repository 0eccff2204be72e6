package app.herald.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import app.herald.system.ReadCache;
import app.herald.web.Viewer;
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

    /** The filter bar's brands and channels per user: they change far less often than the calendar is opened. */
    @Inject
    ReadCache<String, Options> filterOptions;

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
        LocalDate[] range = CalendarView.range(chosen, anchor);
        List<CalendarEntry> entries = CalendarEntry.list(brands.scope(), filter, range[0].atStartOfDay(zone).toInstant(),
                range[1].plusDays(1).atStartOfDay(zone).toInstant());
        Options options = filterOptions.get(viewer.username(), user -> new Options(brands.visibleBrands(),
                Channel.listIn(brands.scope()), List.of(Platform.values()), List.of(PublicationStatus.values())));
        boolean canMove = roles.any(Role.MARKETER, Role.MANAGER, Role.ADMIN);
        return Templates.calendar(CalendarView.build(chosen, anchor, today, zone, entries), filter, options, canMove, today);
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
