package app.herald.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;

/** Creates users and changes their roles and status, keeping at least one active admin. */
@ApplicationScoped
@Transactional
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most this many bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final String AUDIT_SUBJECT = "USER";

    @Inject
    AuditService audit;

    @Inject
    TypedNames typedNames;

    public AppUser create(String username, String displayName, String password, Set<Role> roles) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("User name must be 2–64 characters: lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit.");
        }
        if (AppUser.findByUsername(name).isPresent()) {
            throw new AccountException("A user named '" + name + "' already exists.");
        }
        requireUsablePassword(password);
        if (roles.isEmpty()) {
            throw new AccountException("Choose at least one role.");
        }
        AppUser user = new AppUser();
        user.username = name;
        user.displayName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (user.displayName.length() > 120) {
            throw new AccountException("Display name must be at most 120 characters.");
        }
        user.setPassword(password);
        user.roles = Role.format(roles);
        user.createdAt = Instant.now();
        user.persist();
        audit.record(AuditAction.USER_CREATED, AUDIT_SUBJECT, user.id, user.username).transition(null, user.roles).write();
        return user;
    }

    public AppUser changeRoles(long userId, Set<Role> roles) {
        AppUser user = find(userId);
        if (roles.isEmpty()) {
            throw new AccountException("Choose at least one role; deactivate the user to remove all access.");
        }
        if (user.isActiveAdmin() && !roles.contains(Role.ADMIN) && AppUser.countActiveAdmins() <= 1) {
            throw new AccountException(user.username + " is the last active admin; make someone else an admin first.");
        }
        String before = user.roles;
        user.roles = Role.format(roles);
        audit.record(AuditAction.USER_ROLES_CHANGED, AUDIT_SUBJECT, user.id, user.username).transition(before, user.roles)
                .write();
        return user;
    }

    public AppUser deactivate(long userId) {
        AppUser user = find(userId);
        if (!user.active) {
            throw new AccountException(user.username + " is already deactivated.");
        }
        if (user.isActiveAdmin() && AppUser.countActiveAdmins() <= 1) {
            throw new AccountException(user.username + " is the last active admin and cannot be deactivated;"
                    + " make someone else an admin first.");
        }
        user.active = false;
        audit.record(AuditAction.USER_DEACTIVATED, AUDIT_SUBJECT, user.id, user.username).transition("active", "deactivated")
                .write();
        return user;
    }

    public AppUser reactivate(long userId) {
        AppUser user = find(userId);
        if (user.active) {
            throw new AccountException(user.username + " is already active.");
        }
        user.active = true;
        audit.record(AuditAction.USER_REACTIVATED, AUDIT_SUBJECT, user.id, user.username).transition("deactivated", "active")
                .write();
        return user;
    }

    /** Stamps the sign-in time and audits it; runs in its own transaction after the sign-in request. */
    public void recordSignIn(String username) {
        AppUser.findByUsername(username).ifPresent(user -> {
            user.lastLoginAt = Instant.now();
            audit.recordAs(username, AuditAction.SIGN_IN_SUCCEEDED, AUDIT_SUBJECT, user.id, username).write();
        });
    }

    /**
     * Audits a failed sign-in under the account's own name, or under a marker when the name belongs to nobody
     * (it may be a password typed into the wrong field).
     */
    public void recordFailedSignIn(String typedName, String remoteAddress) {
        Optional<AppUser> user = AppUser.findByUsername(typedName.strip());
        String subject = user.map(known -> known.username).orElseGet(() -> typedNames.marker(typedName));
        Long userId = user.map(known -> known.id).orElse(null);
        audit.recordAs(AuditService.SYSTEM, AuditAction.SIGN_IN_FAILED, AUDIT_SUBJECT, userId, subject)
                .comment("from " + remoteAddress).write();
    }

    /** The user with {@code userId}, or a 404. Joins the caller's transaction if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppUser find(long userId) {
        return AppUser.<AppUser>findByIdOptional(userId).orElseThrow(NotFoundException::new);
    }

    private static void requireUsablePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("Password must be at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            // bcrypt ignores everything after 72 bytes, so a longer password would be only partly checked.
            throw new AccountException("Password must be at most " + MAX_PASSWORD_BYTES + " bytes; this one has "
                    + bytes + " (in UTF-8 a plain letter or digit is 1 byte, an accented letter 2, an emoji 4)."
                    + " Use a shorter one.");
        }
    }
}
