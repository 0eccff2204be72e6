package app.herald.governance.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Entry point: validates rule settings when they are saved and compiles rule sets for checking. */
public final class RuleEngine {

    /**
     * Per regex rule and field. Sane patterns finish 100k characters well within it; a runaway one is
     * cut off before it can noticeably delay a publish.
     */
    public static final Duration DEFAULT_REGEX_BUDGET = Duration.ofMillis(50);

    private RuleEngine() {
    }

    /** Compiles {@code rules} with the {@link #DEFAULT_REGEX_BUDGET}. */
    public static CompiledRuleSet compile(int ruleSetVersion, List<Rule> rules) {
        return compile(ruleSetVersion, rules, DEFAULT_REGEX_BUDGET);
    }

    /**
     * @param regexBudget how long one regex rule may run on one field before it is skipped with a warning
     * @throws RuleCompileException for the first invalid rule, or a rule id used twice
     */
    public static CompiledRuleSet compile(int ruleSetVersion, List<Rule> rules, Duration regexBudget) {
        long budgetNanos = regexBudget.toNanos();
        TermDictionary.Builder dictionary = new TermDictionary.Builder();
        List<RuleCheck> checks = new ArrayList<>(rules.size());
        Set<Long> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new RuleCompileException(rule.id(), "Rule id " + rule.id() + " appears more than once in the rule set.");
            }
            checks.add(RuleCheck.create(rule, checks.size(), budgetNanos, dictionary));
        }
        return new CompiledRuleSet(ruleSetVersion, checks, dictionary.build(checks.size()));
    }

    /**
     * Validates one rule's settings, e.g. when a rule form is saved.
     *
     * @throws RuleCompileException with rule id 0 and a message for the rule author
     */
    public static void validate(RuleSpec spec) {
        if (spec == null) {
            throw new RuleCompileException(0, "Rule settings are required.");
        }
        Rule draft = new Rule(0, 0, "draft", spec.kind(), Severity.WARN, null, null, null, spec);
        RuleCheck.create(draft, 0, DEFAULT_REGEX_BUDGET.toNanos(), new TermDictionary.Builder());
    }
}
