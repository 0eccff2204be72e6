package app.herald.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import app.herald.account.Role;
import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentPages;
import app.herald.content.ContentService;
import app.herald.web.Flash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/** A content item's video: upload, fitted renditions (start, choose) and their thumbnails. */
@jakarta.ws.rs.Path("/content/{id}/media")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class MediaResource {

    @Inject
    MediaService media;

    @Inject
    RenditionService renditions;

    @Inject
    ContentService contents;

    @Inject
    ContentPages pages;

    @Inject
    MediaStorage storage;

    @Inject
    Flash flash;

    /** Takes the upload Quarkus has already streamed to a temporary file (deleted after the request). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw new MediaRejectedException("Choose a video file to upload.");
            }
            if (file.size() > storage.maxBytes()) {
                throw new MediaRejectedException("The file is larger than the " + app.herald.platform.PlatformSpecs.bytes(
                        storage.maxBytes()) + " upload limit.");
            }
            ContentItem item;
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                item = media.attach(id, in, file.fileName());
            }
            flash.success("Video attached: " + item.media.facts().dimensions() + ", " + item.media.facts().durationText()
                    + " s.");
            return Response.seeOther(URI.create("/content/" + id + "#media")).build();
        } catch (ContentException e) {
            return refused(id, e.getMessage());
        } catch (IOException e) {
            return refused(id, "Herald could not read the upload; try again.");
        }
    }

    @POST
    @jakarta.ws.rs.Path("renditions")
    public Response render(@PathParam("id") long id, @RestForm String fit, @RestForm String thumbnailSecond) {
        try {
            long rendition = renditions.request(id, fit(fit), second(thumbnailSecond));
            renditions.start(rendition);
            flash.success("Making a 1080×1920 rendition; this page updates while it runs.");
            return Response.seeOther(URI.create("/content/" + id + "#media")).build();
        } catch (ContentException e) {
            return refused(id, e.getMessage());
        }
    }

    @POST
    @jakarta.ws.rs.Path("renditions/{rendition}/use")
    public Response use(@PathParam("id") long id, @PathParam("rendition") long rendition) {
        try {
            ContentItem item = renditions.use(id, rendition);
            flash.success("The 1080×1920 rendition is now the video of '" + item.title + "'.");
            return Response.seeOther(URI.create("/content/" + id + "#media")).build();
        } catch (ContentException e) {
            return refused(id, e.getMessage());
        }
    }

    @GET
    @jakarta.ws.rs.Path("renditions/{rendition}/thumbnail")
    @Produces("image/jpeg")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response thumbnail(@PathParam("id") long id, @PathParam("rendition") long rendition) {
        String name = QuarkusTransaction.requiringNew().call(() -> renditions.find(id, rendition).thumbnailName);
        if (name == null) {
            throw new NotFoundException();
        }
        Path file = storage.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException();
        }
        return Response.ok(file.toFile(), "image/jpeg").header("Cache-Control", "private, max-age=86400").build();
    }

    private Response refused(long id, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(pages.detail(contents.find(id), message)).build();
    }

    private static Ffmpeg.Fit fit(String value) {
        for (Ffmpeg.Fit fit : Ffmpeg.Fit.values()) {
            if (fit.name().equals(value)) {
                return fit;
            }
        }
        throw new ContentException("Choose how to fit the picture: pad or centre-crop.");
    }

    private static double second(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ContentException("The thumbnail second must be a number, e.g. 1.5.");
        }
    }
}
