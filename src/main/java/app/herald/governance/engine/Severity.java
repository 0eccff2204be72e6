package app.herald.governance.engine;

/** How a finding affects publishing: BLOCK stops the post, WARN only informs the reviewer. */
public enum Severity { BLOCK, WARN }
