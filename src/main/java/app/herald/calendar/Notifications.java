package app.herald.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import app.herald.system.ReadCache;
import app.herald.web.Viewer;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * The layout's unread count ({@code inject:notifications}), shown on every page: read once and reused until this
 * instance writes anything or {@code herald.cache-ttl} passes.
 */
@Named("notifications")
@ApplicationScoped
public class Notifications {

    @Inject
    Viewer viewer;

    @Inject
    ReadCache<String, Long> unread;

    public long unread() {
        if (!viewer.signedIn()) {
            return 0;
        }
        // Error pages of requests refused before dispatch (403s) render on the event loop, where the database
        // must not be used; they show a count only if one is at hand.
        return BlockingOperationControl.isBlockingAllowed() ? unread.get(viewer.username(), Notification::unreadFor)
                : unread.fresh(viewer.username()).orElse(0L);
    }
}
