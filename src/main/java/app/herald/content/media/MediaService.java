package app.herald.content.media;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import app.herald.content.ContentException;
import app.herald.content.ContentForm;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A content item's video: attaches, replaces and removes it, and creates content with its video in one step. The
 * upload is stored and probed outside any transaction, then recorded with the content change in one short
 * transaction; a refusal at any step leaves neither file nor row. Files nothing refers to any more (the old video,
 * renditions of it, their thumbnails) are deleted once that transaction has committed.
 */
@ApplicationScoped
public class MediaService {

    @Inject
    ContentService contents;

    @Inject
    MediaStorage storage;

    @Inject
    SecurityIdentity identity;

    /** Makes the upload the item's video, replacing (and cleaning up) the one it had. */
    public ContentItem attach(long contentId, InputStream upload, String originalName) {
        requireChangeable(contents.find(contentId));
        String user = identity.getPrincipal().getName();
        // Clean up only after the store has released the new file's lock: one lock at a time, so no deadlock.
        return clean(storage.store(upload, stored -> QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = requireChangeable(contents.find(contentId));
            MediaFile previous = item.media;
            contents.attachMedia(contentId, MediaFile.record(stored, user), originalName);
            return new Change(item, dropStale(item, previous));
        })));
    }

    /**
     * Creates a draft from {@code form} with the upload as its video, or nothing at all: the text is checked before
     * the upload is read, and a refused video creates no content.
     */
    public ContentItem create(ContentForm form, InputStream upload, String originalName) {
        form.validate();
        String user = identity.getPrincipal().getName();
        return storage.store(upload, stored -> QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = contents.createDraft(form);
            return contents.attachMedia(item.id, MediaFile.record(stored, user), originalName);
        }));
    }

    /** Takes the video off the item (a new revision under review) and deletes what nothing refers to any more. */
    public ContentItem remove(long contentId) {
        return clean(QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = requireChangeable(contents.find(contentId));
            MediaFile previous = item.media;
            contents.removeMedia(contentId);
            return new Change(item, dropStale(item, previous));
        }));
    }

    /** A stored video a content page may play, with the file name to offer for it. */
    public record Playable(String storedName, String sha256, String mimeType, String fileName) {
    }

    /**
     * Media file {@code mediaId} if it belongs to content item {@code contentId} (its video, or the original or
     * result of one of its renditions) and the user may see the item's brand; 404 otherwise.
     */
    public Playable playable(long contentId, long mediaId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = contents.find(contentId);
            if (item.media != null && item.media.id == mediaId) {
                return playable(item.media, item.mediaName);
            }
            for (MediaRendition rendition : MediaRendition.listFor(contentId)) {
                if (rendition.result != null && rendition.result.id == mediaId) {
                    return playable(rendition.result, rendition.name);
                }
                if (rendition.source.id == mediaId) {
                    return playable(rendition.source, "original." + rendition.source.container);
                }
            }
            throw new NotFoundException();
        });
    }

    private static Playable playable(MediaFile media, String fileName) {
        return new Playable(media.storedName, media.sha256, media.mimeType(), fileName);
    }

    /** An item after its video changed, and what may have become unreferenced. */
    private record Change(ContentItem item, Leftovers leftovers) {
    }

    /** Thumbnails of dropped renditions, and media files that may no longer be referenced. */
    private record Leftovers(List<String> thumbnails, Set<Long> mediaIds) {
    }

    /** After the change committed: deletes the dropped thumbnails, and each media file nothing refers to any more. */
    private ContentItem clean(Change done) {
        done.leftovers.thumbnails.forEach(name -> MediaStorage.deleteQuietly(storage.resolve(name)));
        for (long id : done.leftovers.mediaIds) {
            Optional<String> sha256 = QuarkusTransaction.requiringNew()
                    .call(() -> Optional.ofNullable(MediaFile.<MediaFile>findById(id)).map(media -> media.sha256));
            sha256.ifPresent(sha -> storage.remove(sha,
                    () -> QuarkusTransaction.requiringNew().call(() -> MediaFile.forgetIfUnreferenced(id))));
        }
        return done.item;
    }

    /**
     * In the caller's transaction, after the item's video changed: drops the item's renditions that were not made
     * from its new video's original (rows now, thumbnails after commit) and lists the media files that may have lost
     * their last reference. Renditions of the current original stay, so one can still switch between them.
     */
    private static Leftovers dropStale(ContentItem item, MediaFile previous) {
        List<MediaRendition> renditions = MediaRendition.listFor(item.id);
        Long original = item.media == null ? null : renditions.stream()
                .filter(rendition -> item.media.equals(rendition.result)).map(rendition -> rendition.source.id)
                .findFirst().orElse(item.media.id);
        List<String> thumbnails = new ArrayList<>();
        Set<Long> mediaIds = new LinkedHashSet<>();
        if (previous != null) {
            mediaIds.add(previous.id);
        }
        for (MediaRendition rendition : renditions) {
            if (!rendition.source.id.equals(original)) {
                mediaIds.add(rendition.source.id);
                if (rendition.result != null) {
                    mediaIds.add(rendition.result.id);
                }
                if (rendition.thumbnailName != null) {
                    thumbnails.add(rendition.thumbnailName);
                }
                rendition.delete();
            }
        }
        return new Leftovers(thumbnails, mediaIds);
    }

    /** The item if its video may change now: editable, and no rendition of it being made. */
    private static ContentItem requireChangeable(ContentItem item) {
        if (!item.state.editable()) {
            throw new ContentException("'" + item.title + "' is " + item.state.label().toLowerCase()
                    + " and can no longer be edited.");
        }
        if (MediaRendition.count("contentId = ?1 and status in ?2", item.id,
                List.of(MediaRendition.Status.QUEUED, MediaRendition.Status.RUNNING)) > 0) {
            throw new ContentException("A 1080×1920 rendition is being made; wait for it to finish, then change the video.");
        }
        return item;
    }
}
