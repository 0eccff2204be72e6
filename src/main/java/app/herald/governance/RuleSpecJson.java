package app.herald.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.herald.governance.engine.RuleKind;
import app.herald.governance.engine.RuleSpec;

/** Stores a rule's kind-specific settings as JSON; the kind, kept in its own column, names the record to read. */
final class RuleSpecJson {

    // Settings written by an older Herald may carry fields a newer record no longer has; they are ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RuleSpecJson() {
    }

    static String write(RuleSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rule settings cannot be written as JSON", e);
        }
    }

    static RuleSpec read(RuleKind kind, String json) {
        try {
            return MAPPER.readValue(json, recordOf(kind));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + kind + " settings are not readable: " + json, e);
        }
    }

    private static Class<? extends RuleSpec> recordOf(RuleKind kind) {
        return switch (kind) {
            case BANNED_TERM -> RuleSpec.BannedTerm.class;
            case REQUIRED_DISCLAIMER -> RuleSpec.RequiredDisclaimer.class;
            case REGEX -> RuleSpec.RegexPattern.class;
            case HASHTAG -> RuleSpec.HashtagRule.class;
            case LENGTH_LIMIT -> RuleSpec.LengthLimit.class;
            case LINK_ALLOWLIST -> RuleSpec.LinkAllowlist.class;
            case CLAIM_WORD -> RuleSpec.ClaimWord.class;
        };
    }
}
