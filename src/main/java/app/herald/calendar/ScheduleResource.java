package app.herald.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.content.ContentForecasts;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.insight.Forecast;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Scheduling an approved content item: one proposed time per channel, each accepted or changed, then booked. */
@Path("/calendar/schedule")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ScheduleResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    ContentService contents;

    @Inject
    Flash flash;

    @Inject
    ContentForecasts forecasts;

    /** One row of the form: the proposal, the time in the input (proposed or as posted) and whether it is ticked. */
    public record Row(SchedulingService.Proposal proposal, String value, boolean included, Forecast forecast) {
    }

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance schedule(ContentItem item, List<Row> rows, String error);
    }

    @GET
    @Path("{contentId}")
    public TemplateInstance form(@PathParam("contentId") long contentId) {
        ContentItem item = contents.find(contentId);
        List<Row> rows = scheduling.propose(item, Instant.now()).stream()
                .map(p -> row(item, p, p.localValue(), p.conflicts().isEmpty() && !p.booked())).toList();
        return Templates.schedule(item, rows, null);
    }

    /**
     * Rows arrive as parallel lists ({@code channelId}, {@code at}: one entry per row in page order); {@code include}
     * names the ticked channels. A time equal to the current proposal keeps that proposal's source.
     */
    @POST
    @Path("{contentId}")
    public Response schedule(@PathParam("contentId") long contentId, @RestForm List<Long> channelId,
            @RestForm List<String> at, @RestForm List<Long> include) {
        List<Long> ticked = include == null ? List.of() : include;
        List<Long> ids = channelId == null ? List.of() : channelId;
        List<String> times = at == null ? List.of() : at;
        try {
            if (times.size() != ids.size()) {
                throw new ScheduleException("The form was incomplete; reload the page and try again.");
            }
            Map<Long, SchedulingService.Proposal> proposals = scheduling.propose(contents.find(contentId), Instant.now())
                    .stream().collect(Collectors.toMap(p -> p.channel().id, p -> p));
            List<SchedulingService.Choice> choices = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (ticked.contains(ids.get(i))) {
                    String value = times.get(i).strip();
                    SchedulingService.Proposal proposal = proposals.get(ids.get(i));
                    boolean kept = proposal != null && value.equals(proposal.localValue());
                    choices.add(new SchedulingService.Choice(ids.get(i), parse(value),
                            kept ? proposal.source() : SlotSource.CHOSEN, kept ? proposal.note() : null));
                }
            }
            int booked = scheduling.schedule(contentId, choices, Instant.now()).size();
            ContentItem item = contents.find(contentId);
            flash.success("'" + item.title + "' scheduled on " + booked + " channel" + (booked == 1 ? "" : "s") + ".");
            return Response.seeOther(URI.create("/content/" + contentId)).build();
        } catch (ScheduleException e) {
            ContentItem item = contents.find(contentId);
            List<Row> rows = scheduling.propose(item, Instant.now()).stream().map(p -> {
                int index = ids.indexOf(p.channel().id);
                String value = index >= 0 && index < times.size() ? times.get(index) : p.localValue();
                return row(item, p, value, ticked.contains(p.channel().id));
            }).toList();
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.schedule(item, rows, e.getMessage())).build();
        }
    }

    private Row row(ContentItem item, SchedulingService.Proposal proposal, String value, boolean included) {
        return new Row(proposal, value, included, forecasts.at(item, proposal.channel(), proposal.at().toInstant()));
    }

    private static LocalDateTime parse(String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ScheduleException("'" + value + "' is not a date and time such as 2026-12-01T14:00.");
        }
    }
}
