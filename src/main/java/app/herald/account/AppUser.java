package app.herald.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who signs in to Herald, with a bcrypt password and comma-separated roles (read by security-jpa). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends IdentifiedEntity {

    @Username
    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    @Password
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    /** The zone pages show times in; null means the zone of the user's first brand. */
    @Column(length = 64)
    public String timezone;

    /** SHA-256 (hex) of the user's calendar feed token; the token itself is shown once and never stored. */
    @Column(name = "ical_token_hash", length = 64, columnDefinition = "CHAR(64)")
    public String icalTokenHash;

    /** Where notifications are e-mailed as well, when mail is configured; null for none. */
    @Column(length = 254)
    public String email;

    /** Whether a manager gets the weekly analytics digest by e-mail (opt-out on the profile page). */
    @Column(name = "weekly_digest", nullable = false)
    public boolean weeklyDigest = true;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<AppUser> listByName() {
        return list("order by username");
    }

    public static long countActiveAdmins() {
        return count("active = true and (roles = ?1 or roles like ?2 or roles like ?3 or roles like ?4)",
                Role.Names.ADMIN, Role.Names.ADMIN + ",%", "%," + Role.Names.ADMIN, "%," + Role.Names.ADMIN + ",%");
    }

    public Set<Role> roleSet() {
        return Role.parse(roles);
    }

    public boolean hasRole(Role role) {
        return roleSet().contains(role);
    }

    public boolean isActiveAdmin() {
        return active && hasRole(Role.ADMIN);
    }

    void setPassword(String plain) {
        passwordHash = BcryptUtil.bcryptHash(plain);
    }
}
