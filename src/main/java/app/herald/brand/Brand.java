package app.herald.brand;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import app.herald.account.AppUser;
import app.herald.system.IdentifiedEntity;

/** A brand whose content, rules and channels Herald manages; its IANA zone anchors scheduling. */
@Entity
@Table(name = "brand")
public class Brand extends IdentifiedEntity {

    @Column(nullable = false, unique = true, length = 120)
    public String name;

    @Column(length = 2000)
    public String voice;

    @Column(nullable = false, length = 64)
    public String timezone;

    @Column(name = "default_disclaimer", length = 1000)
    public String defaultDisclaimer;

    @Column(name = "default_hashtags", length = 500)
    public String defaultHashtags;

    /** Optional accent colour, {@code #rrggbb}. */
    @Column(length = 7)
    public String color;

    /** Increments on every governance rule change of this brand. */
    @Column(name = "rule_set_version", nullable = false)
    public int ruleSetVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ManyToMany
    @JoinTable(name = "brand_member", joinColumns = @JoinColumn(name = "brand_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    public Set<AppUser> members = new HashSet<>();

    public static Optional<Brand> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static List<Brand> listByName() {
        return list("order by name");
    }

    /** Brands {@code username} is a member of, by name. */
    public static List<Brand> listForMember(String username) {
        return list("select distinct b from Brand b join b.members m where m.username = ?1 order by b.name", username);
    }

    public boolean hasMember(String username) {
        return members.stream().anyMatch(member -> member.username.equals(username));
    }

    /**
     * Increments the rule-set version with a row-locking UPDATE (two concurrent rule edits get two versions)
     * and returns the new value; call inside the transaction that changes the rules.
     */
    public static int nextRuleSetVersion(long brandId) {
        update("ruleSetVersion = ruleSetVersion + 1 where id = ?1", brandId);
        return getEntityManager()
                .createQuery("select b.ruleSetVersion from Brand b where b.id = ?1", Integer.class)
                .setParameter(1, brandId).getSingleResult();
    }
}
