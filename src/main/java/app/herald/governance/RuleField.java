package app.herald.governance;

import java.util.Arrays;

/** The text fields a rule can be limited to; their keys are the field names handed to the rule engine. */
public enum RuleField {
    TITLE("title", "Title"),
    DESCRIPTION("description", "Description / caption");

    private final String key;
    private final String label;

    RuleField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The field name in {@link app.herald.governance.engine.CheckedText} and in findings. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static RuleField ofKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown rule field " + key));
    }

    /** The label of a finding's field name, or the name itself for fields this enum does not know. */
    public static String labelOf(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).map(RuleField::label).findFirst()
                .orElse(key);
    }
}
