package app.herald.content.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;

import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Fitted 1080 × 1920 renditions: queued by a request, made by ffmpeg on a managed executor (never the request
 * thread, never inside a transaction) with progress kept on the row, and chosen as the content's video on demand.
 */
@ApplicationScoped
public class RenditionService {

    @Inject
    ContentService contents;

    @Inject
    MediaStorage storage;

    @Inject
    Ffmpeg ffmpeg;

    @Inject
    ManagedExecutor executor;

    @Inject
    SecurityIdentity identity;

    /**
     * Renditions still queued or running when the app stopped will never finish: say so instead of spinning, and
     * delete the half-made files they left.
     */
    void failInterrupted(@Observes StartupEvent started) {
        List<MediaRendition.Status> unfinished = List.of(MediaRendition.Status.QUEUED, MediaRendition.Status.RUNNING);
        List<Long> interrupted = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = MediaRendition.<MediaRendition>list("status in ?1", unfinished).stream()
                    .map(rendition -> rendition.id).toList();
            MediaRendition.update("status = ?1, error = ?2, finishedAt = ?3 where status in ?4", MediaRendition.Status.FAILED,
                    "Interrupted by a restart; start it again.", Instant.now(), unfinished);
            return ids;
        });
        for (long id : interrupted) {
            MediaStorage.deleteQuietly(storage.resolve(workName(id)));
            MediaStorage.deleteQuietly(storage.resolve(thumbnailName(id)));
        }
    }

    private static String workName(long renditionId) {
        return "work/rendition-" + renditionId + ".mp4";
    }

    private static String thumbnailName(long renditionId) {
        return "thumbnails/rendition-" + renditionId + ".jpg";
    }

    /** Records a queued rendition of the item's current video and returns its id (start it after this returns). */
    public long request(long contentId, Ffmpeg.Fit fit, double thumbnailSecond) {
        ffmpeg.problem().ifPresent(problem -> {
            throw new ContentException("Herald cannot convert videos on this server: " + problem + ". Ask an admin.");
        });
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = contents.find(contentId);
            if (!item.state.editable()) {
                throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase()
                        + " and can no longer be edited.");
            }
            if (item.media == null) {
                throw new ContentException("Upload a video first.");
            }
            if (MediaRendition.count("contentId = ?1 and status in ?2", contentId,
                    List.of(MediaRendition.Status.QUEUED, MediaRendition.Status.RUNNING)) > 0) {
                throw new ContentException("A rendition is already being made; wait for it to finish.");
            }
            if (!(thumbnailSecond >= 0) || thumbnailSecond > item.media.durationSeconds) {
                throw new ContentException("Choose a thumbnail second between 0 and " + item.media.facts().durationText()
                        + " (the video's length).");
            }
            MediaRendition rendition = new MediaRendition();
            rendition.contentId = contentId;
            rendition.source = item.media;
            rendition.fit = fit;
            rendition.thumbnailSecond = thumbnailSecond;
            rendition.name = baseName(item.mediaName == null ? "video" : item.mediaName) + "-1080x1920.mp4";
            rendition.createdBy = identity.getPrincipal().getName();
            rendition.createdAt = Instant.now();
            rendition.persist();
            return rendition.id;
        });
    }

    /** Makes the rendition in the background; the future completes when it is done or has failed. */
    public CompletableFuture<Void> start(long renditionId) {
        return executor.runAsync(() -> make(renditionId));
    }

    /** Makes {@code rendition.result} the content's video (a new revision when the content is under review). */
    public ContentItem use(long contentId, long renditionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaRendition rendition = find(contentId, renditionId);
            if (rendition.status != MediaRendition.Status.DONE) {
                throw new ContentException("This rendition is not ready.");
            }
            return contents.attachMedia(contentId, rendition.result, rendition.name);
        });
    }

    /** The rendition if it belongs to that content and the user may see the content's brand; a 404 otherwise. */
    public MediaRendition find(long contentId, long renditionId) {
        contents.find(contentId);
        MediaRendition rendition = MediaRendition.findById(renditionId);
        if (rendition == null || !rendition.contentId.equals(contentId)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return rendition;
    }

    void make(long renditionId) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            MediaRendition rendition = MediaRendition.findById(renditionId);
            rendition.status = MediaRendition.Status.RUNNING;
            return new Job(storage.resolve(rendition.source.storedName), rendition.source.container,
                    rendition.source.durationSeconds, rendition.fit, rendition.thumbnailSecond, rendition.createdBy);
        });
        Path video = null;
        Path thumbnail = null;
        try {
            storage.workDir("work");
            video = storage.resolve(workName(renditionId));
            ffmpeg.fit(job.source, job.container, video, job.fit, job.seconds, percent -> progress(renditionId, percent));
            storage.workDir("thumbnails");
            thumbnail = storage.resolve(thumbnailName(renditionId));
            ffmpeg.thumbnail(video, "mp4", Math.min(job.thumbnailSecond, Math.max(0, job.seconds - 0.1)), thumbnail);
            String thumbnailName = storage.dir().relativize(thumbnail).toString();
            storage.adopt(video, result -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    MediaRendition rendition = MediaRendition.findById(renditionId);
                    rendition.result = MediaFile.record(result, job.user);
                    rendition.thumbnailName = thumbnailName;
                    rendition.percent = 100;
                    rendition.status = MediaRendition.Status.DONE;
                    rendition.finishedAt = Instant.now();
                });
                return result;
            });
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Rendition %d failed", renditionId);
            MediaStorage.deleteQuietly(video);
            MediaStorage.deleteQuietly(thumbnail);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                MediaRendition rendition = MediaRendition.findById(renditionId);
                rendition.status = MediaRendition.Status.FAILED;
                rendition.error = message.length() > 500 ? message.substring(0, 500) : message;
                rendition.finishedAt = Instant.now();
            });
        }
    }

    private static void progress(long renditionId, int percent) {
        QuarkusTransaction.requiringNew().run(() -> MediaRendition.update("percent = ?1 where id = ?2", percent, renditionId));
    }

    /** What the background work needs, read once so no entity crosses threads. */
    private record Job(Path source, String container, double seconds, Ffmpeg.Fit fit, double thumbnailSecond, String user) {
    }

    private static String baseName(String originalName) {
        int dot = originalName.lastIndexOf('.');
        return dot > 0 ? originalName.substring(0, dot) : originalName;
    }
}
