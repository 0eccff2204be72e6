package app.herald.governance.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import app.herald.platform.Platform;

/**
 * The text of one post for one platform, by field name; field order is kept for reporting.
 * Null field values become "" so callers can pass optional fields as they are.
 */
public record CheckedText(Platform platform, Map<String, String> fields) {

    public CheckedText {
        Objects.requireNonNull(platform, "platform");
        Map<String, String> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "field name"),
                    value == null ? "" : value));
        }
        fields = Collections.unmodifiableMap(copy);
    }
}
