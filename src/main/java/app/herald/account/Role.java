package app.herald.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do in Herald; a user may hold several roles. */
public enum Role {
    MARKETER("Marketer", "Submits content, edits per-channel variants, proposes schedules"),
    REVIEWER("Reviewer", "Compliance review and governance rules"),
    MANAGER("Manager", "Calendar overview, analytics, exports, experiments"),
    ADMIN("Admin", "Users, brands, channel connections and everything else");

    /** Role names as compile-time constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String MARKETER = "MARKETER";
        public static final String REVIEWER = "REVIEWER";
        public static final String MANAGER = "MANAGER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Parses the comma-separated form stored in {@code app_user.roles}, ignoring unknown names. */
    public static Set<Role> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(name -> Arrays.stream(values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** The stored form of {@code roles}, in declaration order. */
    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
