package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One multi-phrase matcher for every term-like rule (banned terms, exceptions, claim words, disclaimers
 * and their triggers). Phrases are indexed by their first token, so scanning a text costs one hash
 * lookup per token however many rules the set holds.
 */
final class TermDictionary {

    enum Role { TERM, EXCEPTION, DISCLAIMER, TRIGGER }

    /** A configured word or phrase in folded token form, owned by one rule check. */
    static final class Phrase {
        final int checkIndex;
        final Role role;
        /** The phrase as the author wrote it, for messages. */
        final String source;
        private final String[] tokens;
        private final boolean[] hashed;

        private Phrase(int checkIndex, Role role, String source, String[] tokens, boolean[] hashed) {
            this.checkIndex = checkIndex;
            this.role = role;
            this.source = source;
            this.tokens = tokens;
            this.hashed = hashed;
        }

        /** Whole tokens must be equal; a token written as "#tag" must also be a hashtag in the text. */
        boolean matchesAt(NormalizedText text, int first) {
            if (first + tokens.length > text.tokenCount()) {
                return false;
            }
            for (int k = 0; k < tokens.length; k++) {
                if (hashed[k] && !text.isHashed(first + k)
                        || k > 0 && !tokens[k].equals(text.token(first + k))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A phrase occurrence in original-text coordinates. */
    record Hit(Phrase phrase, int start, int end) {
    }

    private final Map<String, Phrase[]> byFirstToken;
    private final int checkCount;

    private TermDictionary(Map<String, Phrase[]> byFirstToken, int checkCount) {
        this.byFirstToken = byFirstToken;
        this.checkCount = checkCount;
    }

    /** All phrase occurrences in {@code text}, grouped by owning check and in text order within a check. */
    List<Hit>[] scan(NormalizedText text) {
        @SuppressWarnings("unchecked")
        List<Hit>[] byCheck = new List[checkCount];
        for (int t = 0; t < text.tokenCount(); t++) {
            Phrase[] candidates = byFirstToken.get(text.token(t));
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                if (phrase.matchesAt(text, t)) {
                    int last = t + phrase.tokens.length - 1;
                    Hit hit = new Hit(phrase, text.originalStart(t, phrase.hashed[0]), text.originalEnd(last));
                    if (byCheck[phrase.checkIndex] == null) {
                        byCheck[phrase.checkIndex] = new ArrayList<>(4);
                    }
                    byCheck[phrase.checkIndex].add(hit);
                }
            }
        }
        return byCheck;
    }

    /** Collects phrases while rules compile, validating each so authors learn which entry is wrong. */
    static final class Builder {
        private final Map<String, List<Phrase>> byFirstToken = new HashMap<>();
        /** Drops entries that fold to the same tokens ("Free money", "free-money") so each match is reported once. */
        private final Set<String> seen = new HashSet<>();

        /** Adds every entry of {@code phrases}, naming a bad one as "{label} {position}". */
        void addAll(long ruleId, int checkIndex, Role role, String label, List<String> phrases) {
            for (int k = 0; k < phrases.size(); k++) {
                add(ruleId, checkIndex, role, label + " " + (k + 1), phrases.get(k));
            }
        }

        void add(long ruleId, int checkIndex, Role role, String label, String phrase) {
            if (phrase == null || phrase.isBlank()) {
                throw new RuleCompileException(ruleId, label + " is blank.");
            }
            NormalizedText folded = NormalizedText.of(phrase);
            int length = folded.tokenCount();
            if (length == 0) {
                throw new RuleCompileException(ruleId,
                        label + " (\"" + phrase.strip() + "\") has no letters or digits.");
            }
            String[] tokens = new String[length];
            boolean[] hashed = new boolean[length];
            StringBuilder identity = new StringBuilder().append(checkIndex).append(role);
            for (int t = 0; t < length; t++) {
                tokens[t] = folded.token(t);
                hashed[t] = folded.isHashed(t);
                identity.append(hashed[t] ? " #" : " ").append(tokens[t]);
            }
            if (seen.add(identity.toString())) {
                byFirstToken.computeIfAbsent(tokens[0], first -> new ArrayList<>())
                        .add(new Phrase(checkIndex, role, phrase.strip(), tokens, hashed));
            }
        }

        /** @param checkCount number of checks in the set, so hits can be indexed by check */
        TermDictionary build(int checkCount) {
            Map<String, Phrase[]> index = new HashMap<>(byFirstToken.size() * 2);
            byFirstToken.forEach((first, phrases) -> index.put(first, phrases.toArray(new Phrase[0])));
            return new TermDictionary(index, checkCount);
        }
    }
}
