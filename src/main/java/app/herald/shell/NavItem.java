package app.herald.shell;

import java.util.EnumSet;
import java.util.Set;

import app.herald.account.Role;

/** The main navigation: each area, its address and the roles that may use it, in one place. */
public enum NavItem {
    DASHBOARD("Dashboard", "/", "Your starting point.", EnumSet.allOf(Role.class), true),
    CONTENT("Content", "/content", "Submit a video, adapt it per platform, follow its status.",
            EnumSet.allOf(Role.class), true),
    REVIEW("Review", "/review", "Approve, request changes or reject submitted content.",
            EnumSet.of(Role.REVIEWER, Role.ADMIN), true),
    CALENDAR("Calendar", "/calendar", "Every scheduled publication across channels.", EnumSet.allOf(Role.class), true),
    ANALYTICS("Analytics", "/analytics", "What worked, per platform, content and posting time.",
            EnumSet.of(Role.MANAGER, Role.ADMIN), false),
    GOVERNANCE("Governance", "/governance/rules", "Brand rules every caption is checked against.",
            EnumSet.allOf(Role.class), true),
    CHANNELS("Channels", "/channels", "Connected YouTube, TikTok and Facebook accounts.", EnumSet.allOf(Role.class), true),
    ADMIN("Admin", "/admin/users", "Users, roles and brands.", EnumSet.of(Role.ADMIN), true);

    private final String label;
    private final String href;
    private final String description;
    private final Set<Role> roles;
    private final boolean available;

    NavItem(String label, String href, String description, Set<Role> roles, boolean available) {
        this.label = label;
        this.href = href;
        this.description = description;
        this.roles = roles;
        this.available = available;
    }

    public String label() {
        return label;
    }

    public String href() {
        return href;
    }

    public String description() {
        return description;
    }

    /** False while the area has not shipped yet: it is listed, greyed out, without a link. */
    public boolean available() {
        return available;
    }

    public boolean visibleTo(Set<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }

    /** Whether {@code path} belongs to this area (the dashboard only owns "/"; admin also owns /brands). */
    public boolean owns(String path) {
        if (this == DASHBOARD) {
            return "/".equals(path);
        }
        if (this == ADMIN && (path.equals("/brands") || path.startsWith("/brands/"))) {
            return true;
        }
        String prefix = href.substring(0, href.indexOf('/', 1) > 0 ? href.indexOf('/', 1) : href.length());
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
