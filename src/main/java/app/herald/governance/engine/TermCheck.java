package app.herald.governance.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Banned-term and claim-word rules: normalised whole-word phrase matches, minus allowed exceptions. */
final class TermCheck extends RuleCheck {

    private final int index;
    /** Per configured term; built once because a popular term can be reported thousands of times. */
    private final Map<String, String> messages;

    private TermCheck(Rule rule, int index, Map<String, String> messages) {
        super(rule);
        this.index = index;
        this.messages = messages;
    }

    static TermCheck create(Rule rule, int index, TermDictionary.Builder dictionary) {
        List<String> terms;
        List<String> exceptions;
        if (rule.spec() instanceof RuleSpec.BannedTerm banned) {
            terms = banned.terms();
            exceptions = banned.allowedExceptions();
        } else {
            terms = ((RuleSpec.ClaimWord) rule.spec()).words();
            exceptions = List.of();
        }
        if (terms.isEmpty()) {
            throw new RuleCompileException(rule.id(), "List at least one term.");
        }
        dictionary.addAll(rule.id(), index, TermDictionary.Role.TERM, "Term", terms);
        dictionary.addAll(rule.id(), index, TermDictionary.Role.EXCEPTION, "Exception", exceptions);
        Map<String, String> messages = new HashMap<>();
        for (String term : terms) {
            String source = term.strip();
            messages.put(source, rule.kind() == RuleKind.CLAIM_WORD
                    ? "Claim " + quote(source) + " needs reviewer acknowledgement."
                    : "Banned term " + quote(source) + ".");
        }
        return new TermCheck(rule, index, Map.copyOf(messages));
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        List<TermDictionary.Hit> hits = ctx.hits(index);
        if (hits.isEmpty()) {
            return; // the common case; skips even creating an iterator
        }
        for (TermDictionary.Hit hit : hits) {
            if (hit.phrase().role == TermDictionary.Role.TERM && !insideException(hit, hits)) {
                out.add(finding(ctx, hit.start(), hit.end(), messages.get(hit.phrase().source)));
            }
        }
    }

    private static boolean insideException(TermDictionary.Hit term, List<TermDictionary.Hit> hits) {
        for (TermDictionary.Hit other : hits) {
            if (other.phrase().role == TermDictionary.Role.EXCEPTION
                    && other.start() <= term.start() && term.end() <= other.end()) {
                return true;
            }
        }
        return false;
    }
}
