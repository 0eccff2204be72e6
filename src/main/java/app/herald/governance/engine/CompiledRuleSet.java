package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.herald.platform.Platform;

/**
 * A versioned rule set ready to check text. Immutable and thread-safe: share one instance across
 * requests and recompile when the rules change.
 */
public final class CompiledRuleSet {

    private static final Comparator<Finding> WITHIN_FIELD = Comparator.comparingInt(Finding::start)
            .thenComparingLong(Finding::ruleId)
            .thenComparingInt(Finding::end);

    private final int version;
    private final List<Rule> rules;
    private final TermDictionary dictionary;
    /** Checks pre-filtered by platform so each field only loops over rules that can apply. */
    private final Map<Platform, RuleCheck[]> checksByPlatform = new EnumMap<>(Platform.class);

    CompiledRuleSet(int version, List<RuleCheck> checks, TermDictionary dictionary) {
        this.version = version;
        this.rules = checks.stream().map(check -> check.rule).toList();
        this.dictionary = dictionary;
        for (Platform platform : Platform.values()) {
            checksByPlatform.put(platform,
                    checks.stream().filter(check -> check.rule.appliesTo(platform)).toArray(RuleCheck[]::new));
        }
    }

    public int version() {
        return version;
    }

    /** The rules in the set, in the order they were compiled; lets a UI look up a finding's explanation. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Checks every field of {@code text}. Findings are grouped by field in the text's field order and
     * sorted within a field by start offset, then rule id, then end offset.
     */
    public List<Finding> check(CheckedText text) {
        List<Finding> findings = new ArrayList<>();
        RuleCheck[] checks = checksByPlatform.get(text.platform());
        text.fields().forEach((field, value) -> {
            FieldContext ctx = new FieldContext(text.platform(), field, value, dictionary);
            List<Finding> fieldFindings = new ArrayList<>();
            for (RuleCheck check : checks) {
                if (check.rule.appliesToField(field)) {
                    check.check(ctx, fieldFindings);
                }
            }
            fieldFindings.sort(WITHIN_FIELD);
            findings.addAll(fieldFindings);
        });
        return Collections.unmodifiableList(findings);
    }

    /** Checks several texts (e.g. one post per platform); findings follow the order of {@code texts}. */
    public List<Finding> check(List<CheckedText> texts) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedText text : texts) {
            findings.addAll(check(text));
        }
        return Collections.unmodifiableList(findings);
    }
}
