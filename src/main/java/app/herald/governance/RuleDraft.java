package app.herald.governance;

import java.util.Set;

import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;

/**
 * What a rule change asks to save as the rule's next version; {@link RuleService} checks it.
 *
 * @param platforms the platforms it applies to; empty for every platform
 * @param fields    the fields it applies to; empty for every field
 */
public record RuleDraft(String name, Severity severity, Set<Platform> platforms, Set<RuleField> fields,
        String explanation, RuleSpec spec) {
}
