package app.herald.experiment;

/** Which part of a post the arms vary; everything else stays the content's own. */
public enum ExperimentField {
    TITLE("Title"),
    CAPTION("Caption / description"),
    HOOK("Hook (opening line)"),
    THUMBNAIL("Thumbnail (text or frame description)");

    private final String label;

    ExperimentField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
