package app.herald.calendar;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import app.herald.web.Viewer;

/** The layout's unread count ({@code inject:notifications}), counted once per request. */
@Named("notifications")
@RequestScoped
public class Notifications {

    @Inject
    Viewer viewer;

    private Long unread;

    public long unread() {
        if (unread == null) {
            unread = viewer.signedIn() ? Notification.unreadFor(viewer.username()) : 0L;
        }
        return unread;
    }
}
