package app.herald.calendar;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.herald.account.Role;
import app.herald.web.Flash;
import app.herald.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The signed-in user's notifications, newest first; reading them is an explicit POST, never a side effect of GET. */
@Path("/notifications")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class NotificationResource {

    @Inject
    Viewer viewer;

    @Inject
    Flash flash;

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance notifications(List<Notification> notifications);
    }

    @GET
    public TemplateInstance list() {
        return Templates.notifications(Notification.latestFor(viewer.username()));
    }

    @POST
    @Path("read")
    @Transactional
    public Response markRead() {
        long marked = Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", Instant.now(),
                viewer.username());
        flash.success(marked + " notification" + (marked == 1 ? "" : "s") + " marked as read.");
        return Response.seeOther(URI.create("/notifications")).build();
    }
}
