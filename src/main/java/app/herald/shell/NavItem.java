package app.herald.shell;

import java.util.EnumSet;
import java.util.Set;

import app.herald.account.Role;

/** The main navigation: each area, its address and the roles that may use it, in one place. */
public enum NavItem {
    DASHBOARD("Dashboard", "/", EnumSet.allOf(Role.class), true),
    CONTENT("Content", "/content", EnumSet.allOf(Role.class), true),
    REVIEW("Review", "/review", EnumSet.of(Role.REVIEWER, Role.ADMIN), true),
    CALENDAR("Calendar", "/calendar", EnumSet.allOf(Role.class), true),
    ANALYTICS("Analytics", "/analytics", EnumSet.of(Role.MARKETER, Role.MANAGER, Role.ADMIN), true),
    EXPERIMENTS("Experiments", "/experiments", EnumSet.of(Role.MANAGER, Role.ADMIN), true),
    GOVERNANCE("Governance", "/governance/rules", EnumSet.allOf(Role.class), true),
    CHANNELS("Channels", "/channels", EnumSet.allOf(Role.class), true),
    ADMIN("Admin", "/admin/users", EnumSet.of(Role.ADMIN), true);

    private final String label;
    private final String href;
    private final Set<Role> roles;
    private final boolean available;

    NavItem(String label, String href, Set<Role> roles, boolean available) {
        this.label = label;
        this.href = href;
        this.roles = roles;
        this.available = available;
    }

    public String label() {
        return label;
    }

    public String href() {
        return href;
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
