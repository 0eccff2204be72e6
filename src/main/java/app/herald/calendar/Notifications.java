package app.herald.calendar;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import app.herald.web.Viewer;
import io.quarkus.runtime.BlockingOperationControl;

/** The layout's unread count ({@code inject:notifications}), counted once per request. */
@Named("notifications")
@RequestScoped
public class Notifications {

    @Inject
    Viewer viewer;

    private Long unread;

    public long unread() {
        if (unread == null) {
            // Error pages of requests refused before dispatch (403s) render on the event loop, where the database
            // must not be used; they go without a count.
            unread = viewer.signedIn() && BlockingOperationControl.isBlockingAllowed()
                    ? Notification.unreadFor(viewer.username()) : 0L;
        }
        return unread;
    }
}
