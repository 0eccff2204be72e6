package app.herald.governance.engine;

import java.util.List;

/** A compiled rule: checks one field and appends its findings. Subclasses are immutable and thread-safe. */
abstract sealed class RuleCheck permits TermCheck, DisclaimerCheck, RegexCheck, HashtagCheck, LengthCheck, LinkCheck {

    final Rule rule;

    RuleCheck(Rule rule) {
        this.rule = rule;
    }

    abstract void check(FieldContext ctx, List<Finding> out);

    /**
     * Compiles {@code rule}, validating its settings.
     *
     * @param index       position of the check in its rule set, which owns its dictionary phrases
     * @param regexBudget per-field time budget for regex rules, in nanoseconds
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

    Finding finding(FieldContext ctx, int start, int end, String message) {
        return finding(ctx, start, end, rule.severity(), message);
    }

    /**
     * Every span source works on whole code points (the tokeniser, hashtag and link scanners, length
     * counting, and java.util.regex, which never matches half of a surrogate pair), so spans need no repair.
     */
    Finding finding(FieldContext ctx, int start, int end, Severity severity, String message) {
        return new Finding(rule.id(), rule.version(), rule.name(), rule.kind(), severity,
                ctx.platform, ctx.field, start, end, ctx.text.substring(start, end), message);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
