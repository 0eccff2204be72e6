package app.herald.content;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a content item; {@link #ALLOWED} is the one place that says which moves are legal. */
public enum ContentState {
    DRAFT("Draft"),
    SUBMITTED("Submitted"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    SCHEDULED("Scheduled"),
    PUBLISHING("Publishing"),
    PUBLISHED("Published"),
    PARTIALLY_PUBLISHED("Partially published"),
    FAILED("Failed");

    private static final Map<ContentState, Set<ContentState>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(CHANGES_REQUESTED, APPROVED, REJECTED),
            CHANGES_REQUESTED, EnumSet.of(SUBMITTED),
            // Editing approved or scheduled content sends it back to review.
            APPROVED, EnumSet.of(SUBMITTED, SCHEDULED),
            REJECTED, EnumSet.noneOf(ContentState.class),
            SCHEDULED, EnumSet.of(SUBMITTED, APPROVED, PUBLISHING),
            PUBLISHING, EnumSet.of(PUBLISHED, PARTIALLY_PUBLISHED, FAILED),
            PUBLISHED, EnumSet.noneOf(ContentState.class),
            PARTIALLY_PUBLISHED, EnumSet.of(PUBLISHING),
            FAILED, EnumSet.of(SCHEDULED, PUBLISHING));

    private final String label;

    ContentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(ContentState target) {
        return ALLOWED.get(this).contains(target);
    }

    /** States whose text may still be edited (editing after approval returns the item to review). */
    public boolean editable() {
        return this == DRAFT || this == SUBMITTED || this == CHANGES_REQUESTED || this == APPROVED || this == SCHEDULED;
    }

    /** CSS-friendly name, e.g. {@code changes-requested}. */
    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
