package app.herald.governance.engine;

/** The kinds of brand-governance rule, each paired with one {@link RuleSpec} record. */
public enum RuleKind {
    BANNED_TERM("Banned term"),
    REQUIRED_DISCLAIMER("Required disclaimer"),
    REGEX("Pattern"),
    HASHTAG("Hashtags"),
    LENGTH_LIMIT("Length limit"),
    LINK_ALLOWLIST("Link allow-list"),
    CLAIM_WORD("Claim word");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    /** Human-readable name for forms and reports. */
    public String label() {
        return label;
    }
}
