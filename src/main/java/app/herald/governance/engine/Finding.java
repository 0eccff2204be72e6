package app.herald.governance.engine;

import app.herald.platform.Platform;

/**
 * One rule violation in one field.
 *
 * <p>{@code start}/{@code end} are UTF-16 indexes into the original field text (end exclusive) and never
 * split a surrogate pair; {@code matched} is always {@code text.substring(start, end)}. Findings about
 * something missing (required disclaimer without trigger, required pattern, required hashtag) span the
 * whole field {@code 0..length}; a triggered disclaimer spans its first trigger; a rule that could not be
 * checked reports the empty span {@code 0..0} at its own severity, with a message starting "Could not be checked".
 */
public record Finding(long ruleId, int ruleVersion, String ruleName, RuleKind kind, Severity severity,
                      Platform platform, String field, int start, int end, String matched, String message) {

    /** How the message of a finding about a rule that could not be checked starts. */
    public static final String NOT_CHECKED = "Could not be checked: ";

    /** Whether this finding says its rule could not be checked (it still counts, at the rule's severity). */
    public boolean notChecked() {
        return message.startsWith(NOT_CHECKED);
    }
}
