package app.herald.experiment;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
import org.jboss.resteasy.reactive.RestQuery;

import app.herald.account.Role;
import app.herald.calendar.Publication;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.platform.Platform;
import app.herald.web.Flash;
import app.herald.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The experiments pages: list, new A/B test, result with verdict, preparing and booking the arms' posts, linking posts,
 * stopping and deleting.
 */
@Path("/experiments")
@RolesAllowed({ Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ExperimentResource {

    @Inject
    ExperimentService experiments;

    @Inject
    ExperimentArms arms;

    @Inject
    ContentService contents;

    @Inject
    Viewer viewer;

    @Inject
    Flash flash;

    /** What the confirmation page asks: stop or delete. */
    public record Confirmation(String action, String title, String explanation, String button) {
    }

    @CheckedTemplate(basePath = "experiment")
    static class Templates {
        static native TemplateInstance experiments(List<Experiment> experiments);

        static native TemplateInstance form(ExperimentForm form, List<ContentItem> contents, List<Platform> platforms,
                List<ExperimentField> fields, List<ExperimentMetric> metrics, List<Integer> armInputs, String error);

        static native TemplateInstance experiment(Experiment experiment, ExperimentService.Report report,
                List<ExperimentArms.ArmState> armStates, List<ExperimentSlot> slots, List<Publication> linkable,
                String zone, String error);

        static native TemplateInstance confirm(Experiment experiment, Confirmation confirmation);
    }

    @GET
    public TemplateInstance list() {
        return Templates.experiments(experiments.list());
    }

    @GET
    @Path("new")
    public TemplateInstance newForm(@RestQuery Long content) {
        if (content != null) {
            contents.find(content);
        }
        return form(ExperimentForm.empty(content), null);
    }

    @POST
    public Response create(@RestForm Long contentId, @RestForm String name, @RestForm String platform,
            @RestForm String field, @RestForm String metric, @RestForm String minPerArm, @RestForm List<String> arm) {
        ExperimentForm form = new ExperimentForm(contentId, name, platform, field, metric, minPerArm, arm);
        try {
            Experiment created = experiments.create(form, Instant.now());
            flash.success("Experiment '" + created.name + "' created with " + created.arms.size()
                    + " arms; Herald proposed its slots below.");
            return Response.seeOther(URI.create("/experiments/" + created.id)).build();
        } catch (ExperimentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(form, e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return page(experiments.find(id), null);
    }

    @POST
    @Path("{id}/posts")
    public Response addPost(@PathParam("id") long id, @RestForm Long armId, @RestForm Long publicationId) {
        try {
            ExperimentPost post = experiments.addPost(id, armId, publicationId, Instant.now());
            flash.success(post.publication.summary() + " now counts for arm " + post.arm.label + ".");
            return Response.seeOther(URI.create("/experiments/" + id)).build();
        } catch (ExperimentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(experiments.find(id), e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/prepare")
    public TemplateInstance confirmPrepare(@PathParam("id") long id) {
        Experiment experiment = experiments.find(id);
        return Templates.confirm(experiment, new Confirmation("prepare", "Prepare the arm posts of", "Herald creates one"
                + " content item per arm without one: '" + experiment.content.title + "' with its "
                + experiment.field.label().toLowerCase() + " on " + experiment.platform.label() + " set to the arm's version,"
                + " the same video, submitted for review. A reviewer approves each before it can be booked.",
                "Prepare arm posts"));
    }

    @POST
    @Path("{id}/prepare")
    public Response prepare(@PathParam("id") long id) {
        try {
            List<ExperimentArm> prepared = arms.prepare(id, Instant.now());
            flash.success("Prepared the posts of arm" + (prepared.size() == 1 ? " " : "s ")
                    + String.join(", ", prepared.stream().map(arm -> arm.label).toList())
                    + "; they are in review. Book each arm once it is approved.");
            return Response.seeOther(URI.create("/experiments/" + id)).build();
        } catch (ExperimentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(experiments.find(id), e.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/arms/{armId}/book")
    public Response book(@PathParam("id") long id, @PathParam("armId") long armId) {
        try {
            ExperimentArms.Booking booking = arms.book(id, armId, Instant.now());
            flash.success("Booked " + booking.booked() + " post" + (booking.booked() == 1 ? "" : "s") + " of arm "
                    + booking.arm().label + " on Herald's proposed slots" + (booking.moved().isEmpty() ? "."
                            : "; slots that were no longer free moved: " + String.join("; ", booking.moved()) + "."));
            return Response.seeOther(URI.create("/experiments/" + id)).build();
        } catch (ExperimentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(experiments.find(id), e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/stop")
    public TemplateInstance confirmStop(@PathParam("id") long id) {
        return Templates.confirm(experiments.find(id), new Confirmation("stop", "Stop", "It takes no more posts and its"
                + " result stays as it is now, with the posts counted so far. This cannot be undone.", "Stop experiment"));
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        try {
            Experiment stopped = experiments.stop(id, Instant.now());
            flash.success("Experiment '" + stopped.name + "' stopped.");
        } catch (ExperimentException e) {
            flash.error(e.getMessage());
        }
        return Response.seeOther(URI.create("/experiments/" + id)).build();
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.confirm(experiments.find(id), new Confirmation("delete", "Delete", "Its arms, proposed slots and"
                + " post links are deleted; the publications and their metrics stay, and the audit log keeps its"
                + " creation. This cannot be undone.", "Delete experiment"));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        Experiment deleted = experiments.delete(id);
        flash.success("Experiment '" + deleted.name + "' deleted.");
        return Response.seeOther(URI.create("/experiments")).build();
    }

    private TemplateInstance page(Experiment experiment, String error) {
        return Templates.experiment(experiment, experiments.report(experiment, Instant.now()), arms.states(experiment),
                ExperimentSlot.listFor(experiment), experiments.linkable(experiment), viewer.zone().getId(), error);
    }

    private TemplateInstance form(ExperimentForm form, String error) {
        return Templates.form(form, experiments.testableContent(), Arrays.asList(Platform.values()),
                Arrays.asList(ExperimentField.values()), Arrays.asList(ExperimentMetric.values()),
                IntStream.range(0, ExperimentForm.MAX_ARMS).boxed().toList(), error);
    }
}
