package app.herald.governance.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.herald.platform.Platform;

/** Compact builders for rules and texts shared by the tests and the benchmark. */
final class TestRules {

    private TestRules() {
    }

    static Rule rule(long id, Severity severity, RuleSpec spec) {
        return new Rule(id, 1, "rule " + id, spec.kind(), severity, Set.of(), Set.of(), "", spec);
    }

    static Rule rule(long id, RuleSpec spec) {
        return rule(id, Severity.BLOCK, spec);
    }

    static Rule scoped(long id, RuleSpec spec, Set<Platform> platforms, Set<String> fields) {
        return new Rule(id, 1, "rule " + id, spec.kind(), Severity.BLOCK, platforms, fields, "", spec);
    }

    static RuleSpec.BannedTerm banned(String... terms) {
        return new RuleSpec.BannedTerm(List.of(terms), List.of());
    }

    /** A TikTok text with fields given as alternating name, value. */
    static CheckedText text(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            fields.put(namesAndValues[k], namesAndValues[k + 1]);
        }
        return new CheckedText(Platform.TIKTOK, fields);
    }

    /** Findings of a one-rule set on a TikTok caption. */
    static List<Finding> check(RuleSpec spec, String caption) {
        return RuleEngine.compile(1, List.of(rule(1, spec))).check(text("caption", caption));
    }

    static List<String> matched(List<Finding> findings) {
        return findings.stream().map(Finding::matched).toList();
    }
}
