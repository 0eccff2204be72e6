package app.herald.governance.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Entry point: validates rule settings when they are saved and compiles rule sets for checking. */
public final class RuleEngine {

    /**
     * Per pattern rule and field. RE2/J runs in time linear in the text, so ordinary patterns finish 100k
     * characters well within it; a very large pattern on a long text is cut off and reported as not checked.
     */
    public static final Duration DEFAULT_REGEX_BUDGET = Duration.ofMillis(50);

    private RuleEngine() {
    }

    /** Compiles {@code rules} with the {@link #DEFAULT_REGEX_BUDGET}. */
    public static CompiledRuleSet compile(int ruleSetVersion, List<Rule> rules) {
        return compile(ruleSetVersion, rules, DEFAULT_REGEX_BUDGET);
    }

    /**
     * Compiles stored rules. A rule whose settings do not compile (saved before the engine changed, or bypassing
     * {@link #validate}) stays in the set and reports "could not be checked" at its own severity on every field.
     *
     * @param regexBudget how long one pattern rule may run on one field before it reports "could not be checked"
     * @throws RuleCompileException when a rule id is used twice
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
            RuleCheck check;
            try {
                check = RuleCheck.create(rule, checks.size(), budgetNanos, dictionary);
            } catch (RuleCompileException e) {
                check = new UncheckableCheck(rule, e);
            }
            checks.add(check);
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
