package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The kind-specific settings of a rule, one record per {@link RuleKind}.
 * Records only copy their input; {@link RuleEngine#validate(RuleSpec)} decides whether it makes sense,
 * so a form can bind half-filled settings and still get a precise error message.
 */
public sealed interface RuleSpec {

    RuleKind kind();

    /**
     * Words or phrases that must not appear. Matching is whole-word and ignores case, accents,
     * punctuation and spacing; a match lying inside an occurrence of an allowed exception is ignored.
     * A term starting with '#' only matches as a hashtag; a plain term also matches inside "#term".
     */
    record BannedTerm(List<String> terms, List<String> allowedExceptions) implements RuleSpec {
        public BannedTerm {
            terms = copy(terms);
            allowedExceptions = copy(allowedExceptions);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.BANNED_TERM;
        }
    }

    /**
     * Text that must appear in the checked field: always when {@code triggers} is empty,
     * otherwise only when one of the trigger terms (e.g. "#ad", "sponsored") appears.
     */
    record RequiredDisclaimer(String text, List<String> triggers) implements RuleSpec {
        public RequiredDisclaimer {
            triggers = copy(triggers);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.REQUIRED_DISCLAIMER;
        }
    }

    /** A regular expression (RE2 syntax, run by RE2/J) on the original text: forbidden matches, or a required match. */
    record RegexPattern(String pattern, boolean mustMatch, boolean caseInsensitive) implements RuleSpec {
        @Override
        public RuleKind kind() {
            return RuleKind.REGEX;
        }
    }

    /** Hashtags that must or must not appear, and an optional cap on how many a field may carry. */
    record HashtagRule(List<String> required, List<String> forbidden, Integer maxCount) implements RuleSpec {
        public HashtagRule {
            required = copy(required);
            forbidden = copy(forbidden);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.HASHTAG;
        }
    }

    /** Maximum field length in Unicode code points, so an emoji counts as one character. */
    record LengthLimit(Integer maxChars) implements RuleSpec {
        @Override
        public RuleKind kind() {
            return RuleKind.LENGTH_LIMIT;
        }
    }

    /** Domains links may point to (subdomains included); an empty list forbids every link. */
    record LinkAllowlist(List<String> allowedDomains) implements RuleSpec {
        public LinkAllowlist {
            allowedDomains = copy(allowedDomains);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.LINK_ALLOWLIST;
        }
    }

    /** Claims ("guaranteed", "cure") matched like banned terms but meant to need reviewer acknowledgement. */
    record ClaimWord(List<String> words) implements RuleSpec {
        public ClaimWord {
            words = copy(words);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.CLAIM_WORD;
        }
    }

    /** Keeps null elements so validation can point at "Term 2" instead of failing with a bare NPE. */
    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
