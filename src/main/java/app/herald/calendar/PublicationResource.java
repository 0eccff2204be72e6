package app.herald.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

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
import app.herald.analytics.LatestMetrics;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentRevision;
import app.herald.web.Flash;
import app.herald.web.Viewer;
import app.herald.web.ZonedTime;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** A publication's page (status, reason, attempts) and its changes: reschedule, retry now, cancel, mark published. */
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
    PublicationActions actions;

    @Inject
    Flash flash;

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance publication(Publication publication, ContentRevision revision, ZoneId zone,
                String at, boolean canMove, String error, List<PublicationAttempt> attempts, String channelHold,
                PublicationActions.Offered offered, String actionError, String videoId, String url, LatestMetrics metrics);
    }

    /** The mark-as-published form as typed, shown again when it is refused. */
    private record Typed(String videoId, String url) {
        static final Typed NONE = new Typed(null, null);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        Publication publication = scheduling.find(id);
        return page(publication, null, null, null, Typed.NONE);
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response retry(@PathParam("id") long id) {
        return act(id, Typed.NONE, () -> "'" + actions.retryNow(id, Instant.now()).content.title
                + "' goes again at the dispatcher's next round.");
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response cancel(@PathParam("id") long id, @RestForm boolean confirm) {
        return act(id, Typed.NONE, () -> "Cancelled '" + actions.cancel(id, confirm, Instant.now()).content.title + "'.");
    }

    @POST
    @Path("{id}/mark-published")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response markPublished(@PathParam("id") long id, @RestForm String videoId, @RestForm String url,
            @RestForm boolean confirm) {
        return act(id, new Typed(videoId, url), () -> "Marked '"
                + actions.markPublished(id, videoId, url, confirm, Instant.now()).content.title + "' as published.");
    }

    /** Runs one action: 303 back to the page with its message, or the page again with the reason and status 400. */
    private Response act(long id, Typed typed, Supplier<String> action) {
        try {
            flash.success(action.get());
            return Response.seeOther(URI.create("/calendar/publications/" + id)).build();
        } catch (ScheduleException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(scheduling.find(id), null, null, e.getMessage(), typed)).build();
        }
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
                    .entity(page(scheduling.find(id), at, e.getMessage(), null, Typed.NONE)).build();
        }
    }

    /** The page; {@code at} null means the publication's own time in the viewer's zone. */
    private TemplateInstance page(Publication publication, String at, String error, String actionError, Typed typed) {
        ZoneId zone = viewer.zone();
        boolean canMove = roles.any(Role.MARKETER, Role.MANAGER, Role.ADMIN);
        String shownAt = at != null ? at : publication.scheduledAt.atZone(zone).toLocalDateTime().toString();
        return Templates.publication(publication, ContentRevision.findById(publication.revisionId), zone, shownAt,
                canMove, error, PublicationAttempt.listFor(publication.id), channelHold(publication.channel, zone),
                actions.offered(publication), actionError, typed.videoId(), typed.url(), LatestMetrics.of(publication.id));
    }

    /** Why the dispatcher leaves the channel's publications alone now, or null when it does not. */
    private static String channelHold(Channel channel, ZoneId zone) {
        boolean pausedForNow = channel.pausedUntil != null && channel.pausedUntil.isAfter(Instant.now());
        if (channel.status == ChannelStatus.ACTIVE && !pausedForNow) {
            return null;
        }
        String state = channel.status == ChannelStatus.RECONNECT_NEEDED ? "needs reconnecting" : "is paused";
        String until = pausedForNow ? " until " + ZonedTime.format(channel.pausedUntil, zone) : "";
        String why = channel.pauseReason == null ? "" : ": " + channel.pauseReason;
        return "The channel " + state + until + ", so the dispatcher does not send it" + why;
    }

    private static LocalDateTime parse(String at) {
        try {
            return LocalDateTime.parse(at == null ? "" : at.strip());
        } catch (DateTimeParseException e) {
            throw new ScheduleException("Give the new time as date and time, e.g. 2026-12-01T14:00.");
        }
    }
}
