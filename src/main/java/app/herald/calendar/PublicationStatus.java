package app.herald.calendar;

/** Where one channel's publication of a content item stands. */
public enum PublicationStatus {
    SCHEDULED("Scheduled"),
    /** The content was not approved (or its approved revision changed) by the slot: it is never published late. */
    NEEDS_RESCHEDULE("Needs reschedule");

    private final String label;

    PublicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
