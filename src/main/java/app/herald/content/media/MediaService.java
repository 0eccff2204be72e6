package app.herald.content.media;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.content.ContentException;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Attaches an uploaded video to a content item: stores and probes it outside any transaction, then records it
 * and revises the content in one short transaction. A refusal at any step leaves neither file nor row.
 */
@ApplicationScoped
public class MediaService {

    @Inject
    ContentService contents;

    @Inject
    MediaStorage storage;

    @Inject
    SecurityIdentity identity;

    public ContentItem attach(long contentId, InputStream upload, String originalName) {
        ContentItem before = contents.find(contentId);
        if (!before.state.editable()) {
            throw new ContentException("'" + before.title + "' is " + before.state.label().toLowerCase()
                    + " and can no longer be edited.");
        }
        MediaStorage.Stored stored = storage.store(upload);
        String user = identity.getPrincipal().getName();
        try {
            return QuarkusTransaction.requiringNew().call(
                    () -> contents.attachMedia(contentId, MediaFile.record(stored, user), originalName));
        } catch (RuntimeException e) {
            forget(stored);
            throw e;
        }
    }

    /** Drops a file this request added unless a row (from a concurrent upload of the same bytes) refers to it. */
    void forget(MediaStorage.Stored stored) {
        boolean referenced = QuarkusTransaction.requiringNew().call(() -> MediaFile.findBySha256(stored.sha256()).isPresent());
        if (!referenced) {
            storage.discard(stored);
        }
    }
}
