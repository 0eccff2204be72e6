package app.herald.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.content.ContentRevision;
import app.herald.web.Flash;
import app.herald.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * One publication's page, and rescheduling it: the calendar's drag and drop posts here with a header asking for a
 * plain-text answer; the page's keyboard form posts the same fields and gets a page back.
 */
@Path("/calendar/publications")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class PublicationResource {

    /** Header the calendar script sends; its answers are plain text for the message line. */
    static final String SCRIPT_HEADER = "X-Herald-Calendar";

    @Inject
    SchedulingService scheduling;

    @Inject
    Viewer viewer;

    @Inject
    RoleCheck roles;

    @Inject
    Flash flash;

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance publication(Publication publication, ContentRevision revision, ZoneId zone,
                String at, boolean canMove, String error);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        Publication publication = scheduling.find(id);
        return page(publication, publication.scheduledAt.atZone(viewer.zone()).toLocalDateTime().toString(), null);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response reschedule(@PathParam("id") long id, @RestForm String at, @HeaderParam(SCRIPT_HEADER) String script) {
        boolean fromScript = script != null;
        ZoneId zone = viewer.zone();
        try {
            Instant instant = WallClock.resolve(parse(at), zone).toInstant();
            Publication moved = scheduling.reschedule(id, instant, Instant.now());
            String message = "Moved '" + moved.content.title + "' on " + moved.channel.label() + " to "
                    + WallClock.format(moved.scheduledAt.atZone(zone)) + ".";
            if (fromScript) {
                return Response.ok(message, MediaType.TEXT_PLAIN_TYPE).build();
            }
            flash.success(message);
            return Response.seeOther(URI.create("/calendar/publications/" + id)).build();
        } catch (ScheduleException e) {
            if (fromScript) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
            }
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(scheduling.find(id), at, e.getMessage())).build();
        }
    }

    private TemplateInstance page(Publication publication, String at, String error) {
        boolean canMove = roles.any(Role.MARKETER, Role.MANAGER, Role.ADMIN);
        return Templates.publication(publication, ContentRevision.findById(publication.revisionId), viewer.zone(), at,
                canMove, error);
    }

    private static LocalDateTime parse(String at) {
        try {
            return LocalDateTime.parse(at == null ? "" : at.strip());
        } catch (DateTimeParseException e) {
            throw new ScheduleException("Give the new time as date and time, e.g. 2026-12-01T14:00.");
        }
    }
}
