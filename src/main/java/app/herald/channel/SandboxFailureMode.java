package app.herald.channel;

/** What a Sandbox channel does wrong on purpose, so a demo or a test can walk every dispatch path. */
public enum SandboxFailureMode {
    NONE("None: every post goes through"),
    SERVER_ERROR_ONCE("Server error (503) once per post"),
    RATE_LIMITED("Rate-limited for N minutes"),
    TIMEOUT_AFTER_FINAL_BYTES("Timeout after the final bytes (the post did go through)"),
    LOST_FINAL_CHUNK("Final chunk lost in transit (once per post)"),
    PROCESSING_FAILURE("Processing fails after upload"),
    EXPIRED_TOKEN("Expired token (a refresh fixes it)"),
    REVOKED_TOKEN("Revoked token (needs reconnecting)");

    private final String label;

    SandboxFailureMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
