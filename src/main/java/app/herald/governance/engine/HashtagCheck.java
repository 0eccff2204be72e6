package app.herald.governance.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hashtag rules: forbidden tags, required tags and a maximum count, compared ignoring case and accents. */
final class HashtagCheck extends RuleCheck {

    /** Folded tag key to the finding message, which names the tag as configured. */
    private final Map<String, String> required;
    private final Map<String, String> forbidden;
    private final Integer maxCount;

    private HashtagCheck(Rule rule, Map<String, String> required, Map<String, String> forbidden, Integer maxCount) {
        super(rule);
        this.required = required;
        this.forbidden = forbidden;
        this.maxCount = maxCount;
    }

    static HashtagCheck create(Rule rule) {
        RuleSpec.HashtagRule spec = (RuleSpec.HashtagRule) rule.spec();
        if (spec.maxCount() != null && spec.maxCount() < 0) {
            throw new RuleCompileException(rule.id(), "Maximum hashtag count cannot be negative.");
        }
        if (spec.required().isEmpty() && spec.forbidden().isEmpty() && spec.maxCount() == null) {
            throw new RuleCompileException(rule.id(), "List a required or forbidden hashtag, or set a maximum count.");
        }
        return new HashtagCheck(rule,
                messagesByKey(rule.id(), "Required hashtag", spec.required(), "Required hashtag %s is missing."),
                messagesByKey(rule.id(), "Forbidden hashtag", spec.forbidden(), "Hashtag %s is not allowed."),
                spec.maxCount());
    }

    private static Map<String, String> messagesByKey(long ruleId, String label, List<String> tags, String message) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (int k = 0; k < tags.size(); k++) {
            String tag = tags.get(k);
            String key = tag == null ? "" : Hashtags.keyOf(tag);
            if (key.isEmpty()) {
                throw new RuleCompileException(ruleId, label + " " + (k + 1) + (tag == null ? "" : " (" + quote(tag) + ")")
                        + " is not a valid hashtag: use letters, digits and underscores after '#'.");
            }
            String written = tag.strip();
            messages.putIfAbsent(key, message.formatted(written.startsWith("#") ? written : "#" + written));
        }
        return Collections.unmodifiableMap(messages); // insertion order keeps "missing" findings deterministic
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        List<Hashtags.Hashtag> tags = ctx.hashtags();
        for (Hashtags.Hashtag tag : tags) {
            String message = forbidden.get(tag.key());
            if (message != null) {
                out.add(finding(ctx, tag.start(), tag.end(), message));
            }
        }
        required.forEach((key, message) -> {
            if (tags.stream().noneMatch(tag -> tag.key().equals(key))) {
                out.add(finding(ctx, 0, ctx.text.length(), message));
            }
        });
        if (maxCount != null && tags.size() > maxCount) {
            String message = "Too many hashtags: " + tags.size() + " used, at most " + maxCount + " allowed.";
            for (Hashtags.Hashtag extra : tags.subList(maxCount, tags.size())) {
                out.add(finding(ctx, extra.start(), extra.end(), message));
            }
        }
    }
}
