package app.herald.governance;

/** The outcome of a saved rule change: the rule, its current version and the brand's new rule-set version. */
public record RuleChange(GovernanceRule rule, RuleVersion version, int ruleSetVersion) {
}
