package app.herald.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import app.herald.account.Role;
import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentPages;
import app.herald.content.ContentService;
import app.herald.web.Flash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * A content item's video: upload or replace, remove (after confirming), fitted renditions (start, choose), and
 * playing the video files and thumbnails, streamed from disk with byte ranges.
 */
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
    MediaUploads uploads;

    @Inject
    Flash flash;

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance removeMedia(ContentItem item, String error);
    }

    /** Takes the upload Quarkus has already streamed to a temporary file (deleted after the request). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        try {
            ContentItem item;
            if (!MediaUploads.chosen(file)) {
                throw new MediaRejectedException("Choose a video file to upload.");
            }
            try (InputStream in = uploads.open(file)) {
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

    @GET
    @jakarta.ws.rs.Path("remove")
    public TemplateInstance confirmRemove(@PathParam("id") long id) {
        ContentItem item = contents.find(id);
        if (item.media == null) {
            throw new NotFoundException();
        }
        return Templates.removeMedia(item, null);
    }

    @POST
    @jakarta.ws.rs.Path("remove")
    public Response remove(@PathParam("id") long id) {
        try {
            ContentItem item = media.remove(id);
            flash.success("The video was removed from '" + item.title + "'.");
            return Response.seeOther(URI.create("/content/" + id + "#media")).build();
        } catch (ContentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.removeMedia(contents.find(id), e.getMessage()))
                    .build();
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

    /**
     * Plays one of the item's video files (its video, or a rendition's original or result): the whole file or the
     * one byte range asked for, sent from disk, never read into memory.
     */
    @GET
    @jakarta.ws.rs.Path("files/{file}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
    public Response video(@PathParam("id") long id, @PathParam("file") long file,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        MediaService.Playable video = media.playable(id, file);
        Path path = existing(video.storedName());
        long size = size(path);
        String etag = "\"" + video.sha256() + "\"";
        Optional<ByteRange> part;
        try {
            // A range of a different version than the client holds would corrupt its copy: then send it all.
            part = ifRange == null || ifRange.strip().equals(etag) ? ByteRange.parse(range, size) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes")
                    .header("X-Content-Type-Options", "nosniff").build();
        }
        Response.ResponseBuilder response = part
                .map(bytes -> Response.status(Response.Status.PARTIAL_CONTENT)
                        .entity(new PathPart(path, bytes.first(), bytes.length()))
                        .header("Content-Range", bytes.contentRange(size)))
                .orElseGet(() -> Response.ok(new PathPart(path, 0, size)));
        return inline(response, video.mimeType(), video.fileName()).header("Accept-Ranges", "bytes").tag(video.sha256())
                .build();
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
        Path file = existing(name);
        return inline(Response.ok(file), "image/jpeg", "thumbnail-" + rendition + ".jpg").build();
    }

    /** Headers every served file carries: its type, shown in the page rather than saved, never sniffed as another type. */
    private static Response.ResponseBuilder inline(Response.ResponseBuilder response, String type, String fileName) {
        return response.type(type).header("Content-Disposition", "inline; " + fileNameParameters(fileName))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, max-age=86400");
    }

    /** {@code filename} in plain ASCII (for old clients) and {@code filename*} in UTF-8 (RFC 6266). */
    static String fileNameParameters(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private Path existing(String storedName) {
        Path file = storage.resolve(storedName);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException();
        }
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
