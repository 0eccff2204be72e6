package app.herald.review;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

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
import app.herald.brand.BrandAccess;
import app.herald.brand.BrandScope;
import app.herald.content.ComplianceReport;
import app.herald.content.ContentChangedException;
import app.herald.content.ContentComment;
import app.herald.content.ContentCompliance;
import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentPages;
import app.herald.content.ContentRevision;
import app.herald.content.ContentService;
import app.herald.content.ContentState;
import app.herald.content.media.MediaPanel;
import app.herald.web.ChangedMeanwhile;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The reviewer's queue (oldest submission first) and the review page with its decisions. */
@Path("/review")
@RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    /** Planned publication closer than this is flagged in the queue. */
    static final Duration NEAR = Duration.ofHours(24);

    @Inject
    ContentService contents;

    @Inject
    ReviewService reviews;

    @Inject
    ContentCompliance compliance;

    @Inject
    ContentPages pages;

    @Inject
    BrandAccess brands;

    @Inject
    Flash flash;

    /** One queue row: the item and whether its planned publication is near or already past. */
    public record QueueEntry(ContentItem item, boolean near, boolean overdue) {
    }

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance queue(List<QueueEntry> entries);

        static native TemplateInstance review(ContentItem item, ContentRevision revision, ComplianceReport report,
                List<ContentComment> comments, MediaPanel media, String cannotApprove, String error, String note,
                ChangedMeanwhile changed);
    }

    @GET
    public TemplateInstance queue() {
        Instant now = Instant.now();
        BrandScope scope = brands.scope();
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("submitted", ContentState.SUBMITTED);
        List<ContentItem> submitted = ContentItem.list("select c from ContentItem c join fetch c.brand left join fetch c.media"
                + " where c.state = :submitted and " + scope.condition("c.brand.id") + " order by c.submittedAt, c.id", parameters);
        return Templates.queue(submitted.stream().map(item -> new QueueEntry(item,
                item.plannedPublishAt != null && item.plannedPublishAt.isBefore(now.plus(NEAR)),
                item.plannedPublishAt != null && item.plannedPublishAt.isBefore(now))).toList());
    }

    @GET
    @Path("{id}")
    public TemplateInstance review(@PathParam("id") long id) {
        return page(contents.find(id), null, null, null);
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id, @RestForm String revisionHash, @RestForm List<String> ack,
            @RestForm String note) {
        try {
            return decide(id, () -> {
                reviews.approve(id, revisionHash, new HashSet<>(ack == null ? List.of() : ack), note);
                return "Approved.";
            });
        } catch (ContentChangedException e) {
            // The page now shows the current revision; the note stays in its field, the warnings need a fresh look.
            return Response.status(Response.Status.CONFLICT).entity(page(contents.find(id), null, note,
                    new ChangedMeanwhile(e.getMessage(), List.of()))).build();
        }
    }

    @POST
    @Path("{id}/request-changes")
    public Response requestChanges(@PathParam("id") long id, @RestForm String comment) {
        return decide(id, () -> {
            reviews.requestChanges(id, comment);
            return "Changes requested; the submitter sees your comment.";
        });
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") long id, @RestForm String comment) {
        return decide(id, () -> {
            reviews.reject(id, comment);
            return "Rejected.";
        });
    }

    /** Runs a decision; a refusal shows the page with its reason, a stale approval is left to the caller. */
    private Response decide(long id, java.util.function.Supplier<String> decision) {
        try {
            String message = decision.get();
            ContentItem item = contents.find(id);
            flash.success("'" + item.title + "': " + message);
            return Response.seeOther(URI.create("/review")).build();
        } catch (ContentChangedException e) {
            throw e;
        } catch (ContentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(contents.find(id), e.getMessage(), null, null))
                    .build();
        }
    }

    private TemplateInstance page(ContentItem item, String error, String note, ChangedMeanwhile changed) {
        return Templates.review(item, item.currentRevision().orElse(null), compliance.check(item),
                ContentComment.thread(item.id), pages.media(item), reviews.approvalRefusal(item).orElse(null), error,
                note, changed);
    }
}
