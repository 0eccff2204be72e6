package app.herald.calendar;

/** Where a publication's time came from, so pages can say why a slot was suggested. */
public enum SlotSource {
    DOCUMENTED_DEFAULT("Documented default slot for the platform (PRODUCT.md seed), in the channel's zone"),
    CHOSEN("Chosen by a user");

    private final String label;

    SlotSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
