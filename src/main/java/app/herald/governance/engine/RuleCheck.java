package app.herald.governance.engine;

import java.util.List;

/** A compiled rule: checks one field and appends its findings. Subclasses are immutable and thread-safe. */
abstract sealed class RuleCheck permits TermCheck, DisclaimerCheck, RegexCheck, HashtagCheck, LengthCheck, LinkCheck,
        UncheckableCheck {

    final Rule rule;

    RuleCheck(Rule rule) {
        this.rule = rule;
    }

    abstract void check(FieldContext ctx, List<Finding> out);

    /**
     * Compiles {@code rule}, validating its settings.
     *
     * @param index       position of the check in its rule set, which owns its dictionary phrases
     * @param regexBudget per-field time budget for pattern rules, in nanoseconds
     */
    static RuleCheck create(Rule rule, int index, long regexBudget, TermDictionary.Builder dictionary) {
        return switch (rule.kind()) {
            case BANNED_TERM, CLAIM_WORD -> TermCheck.create(rule, index, dictionary);
            case REQUIRED_DISCLAIMER -> DisclaimerCheck.create(rule, index, dictionary);
            case REGEX -> RegexCheck.create(rule, regexBudget);
            case HASHTAG -> HashtagCheck.create(rule);
            case LENGTH_LIMIT -> LengthCheck.create(rule);
            case LINK_ALLOWLIST -> LinkCheck.create(rule);
        };
    }

    /**
     * The finding of a rule that could not be checked on this field: at the rule's own severity, so a BLOCK rule
     * keeps blocking, with the empty span 0..0 because it marks no text.
     *
     * @param reason a sentence saying why, ending with a full stop
     */
    Finding notChecked(FieldContext ctx, String reason) {
        return finding(ctx, 0, 0, Finding.NOT_CHECKED + reason + " It counts as a finding until it can be checked.");
    }

    Finding finding(FieldContext ctx, int start, int end, String message) {
        return finding(ctx, start, end, rule.severity(), message);
    }

    /**
     * Every span source works on whole code points (the tokeniser, hashtag and link scanners, length
     * counting, and RE2/J, which matches whole code points), so spans need no repair.
     */
    Finding finding(FieldContext ctx, int start, int end, Severity severity, String message) {
        return new Finding(rule.id(), rule.version(), rule.name(), rule.kind(), severity,
                ctx.platform, ctx.field, start, end, ctx.text.substring(start, end), message);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
