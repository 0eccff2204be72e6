package app.herald.governance.engine;

import java.util.Set;

import app.herald.platform.Platform;

/**
 * One versioned governance rule and its scope.
 *
 * @param platforms platforms the rule applies to; empty means all platforms
 * @param fields    field names (e.g. "title") the rule applies to, compared exactly; empty means all fields
 */
public record Rule(long id, int version, String name, RuleKind kind, Severity severity,
                   Set<Platform> platforms, Set<String> fields, String explanation, RuleSpec spec) {

    public Rule {
        if (name == null || name.isBlank()) {
            throw new RuleCompileException(id, "Rule name is required.");
        }
        if (kind == null || severity == null || spec == null) {
            throw new RuleCompileException(id, "Rule kind, severity and settings are required.");
        }
        if (spec.kind() != kind) {
            throw new RuleCompileException(id, "Rule kind \"" + kind.label()
                    + "\" does not match its settings (\"" + spec.kind().label() + "\").");
        }
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        fields = fields == null ? Set.of() : Set.copyOf(fields);
        explanation = explanation == null ? "" : explanation;
    }

    public boolean appliesTo(Platform platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }

    public boolean appliesToField(String field) {
        return fields.isEmpty() || fields.contains(field);
    }
}
