package app.herald.calendar;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.system.Zones;
import app.herald.system.HeraldConfig;
import app.herald.web.Flash;
import app.herald.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The user's profile: the zone calendar pages use, e-mail settings and the private calendar feed URL. */
@Path("/profile")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    @Inject
    ProfileService profiles;

    @Inject
    Viewer viewer;

    @Inject
    Flash flash;

    @Inject
    HeraldConfig config;

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance profile(AppUser user, String zone, List<String> zones, String feedUrl, String error,
                boolean mailEnabled, boolean manager);
    }

    @GET
    public TemplateInstance show() {
        return page(null, null, null);
    }

    @POST
    @Path("zone")
    public Response zone(@RestForm String timezone) {
        try {
            profiles.setZone(viewer.username(), timezone);
            flash.success(timezone == null || timezone.isBlank() ? "Times now show in your first brand's zone."
                    : "Times now show in " + timezone.strip() + ".");
            return Response.seeOther(URI.create("/profile")).build();
        } catch (ScheduleException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(timezone, null, e.getMessage())).build();
        }
    }

    @POST
    @Path("email")
    public Response email(@RestForm String email) {
        try {
            profiles.setEmail(viewer.username(), email);
            flash.success(email == null || email.isBlank() ? "Notifications are no longer e-mailed."
                    : "Notifications are now e-mailed to " + email.strip() + " as well.");
            return Response.seeOther(URI.create("/profile")).build();
        } catch (ScheduleException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, null, e.getMessage())).build();
        }
    }

    /** Managers' weekly analytics digest: on when the box is ticked, off when it is not sent. */
    @POST
    @Path("digest")
    public Response digest(@RestForm String weeklyDigest) {
        boolean on = weeklyDigest != null;
        profiles.setWeeklyDigest(viewer.username(), on);
        flash.success(on ? "You will get the weekly analytics digest of your brands by e-mail."
                : "You will no longer get the weekly analytics digest.");
        return Response.seeOther(URI.create("/profile")).build();
    }

    /**
     * Answers with the page itself rather than a redirect: the new feed URL holds a secret that is shown exactly
     * once and must not travel in a flash cookie.
     */
    @POST
    @Path("ical-token")
    public TemplateInstance newToken(@Context UriInfo uri) {
        String token = profiles.newFeedToken(viewer.username());
        return page(null, uri.getBaseUriBuilder().path("calendar.ics").queryParam("token", token).build().toString(), null);
    }

    @POST
    @Path("ical-token/revoke")
    public Response revoke() {
        profiles.revokeFeedToken(viewer.username());
        flash.success("Calendar feed revoked: the old URL no longer works.");
        return Response.seeOther(URI.create("/profile")).build();
    }

    private TemplateInstance page(String typedZone, String feedUrl, String error) {
        AppUser user = AppUser.findByUsername(viewer.username()).orElseThrow();
        String zone = typedZone != null ? typedZone : user.timezone == null ? "" : user.timezone;
        return Templates.profile(user, zone, Zones.REGIONS, feedUrl, error, config.mail().enabled(),
                viewer.roles().contains(Role.MANAGER));
    }
}
