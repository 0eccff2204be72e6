package app.herald.calendar;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one channel's publication of a content item stands; {@link #ALLOWED} is the one place that says which moves
 * are legal, and {@link PublicationWorkflow} the one code that makes them.
 */
public enum PublicationStatus {
    SCHEDULED("Scheduled"),
    /** The content was not approved (or its approved revision changed) by the slot: it is never published late. */
    NEEDS_RESCHEDULE("Needs reschedule");

    private static final Map<PublicationStatus, Set<PublicationStatus>> ALLOWED = Map.of(
            // Rescheduling keeps a publication SCHEDULED at its new time.
            SCHEDULED, EnumSet.of(SCHEDULED, NEEDS_RESCHEDULE),
            NEEDS_RESCHEDULE, EnumSet.of(SCHEDULED));

    private final String label;

    PublicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(PublicationStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
