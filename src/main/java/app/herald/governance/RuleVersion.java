package app.herald.governance;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.herald.brand.BrandScope;
import app.herald.governance.engine.Rule;
import app.herald.governance.engine.RuleKind;
import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/** One immutable version of a governance rule: its name, scope, severity and settings as saved at one moment. */
@Entity
@Immutable
@Table(name = "governance_rule_version")
public class RuleVersion extends IdentifiedEntity {

    public static final int MAX_NAME = 120;
    public static final int MAX_EXPLANATION = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rule_id", nullable = false, updatable = false)
    public GovernanceRule rule;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(nullable = false, length = MAX_NAME, updatable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    public RuleKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    public Severity severity;

    /** Comma-separated {@link Platform} names; empty for every platform. */
    @Column(nullable = false, length = 100, updatable = false)
    public String platforms;

    /** Comma-separated {@link RuleField} keys; empty for every field. */
    @Column(nullable = false, length = 100, updatable = false)
    public String fields;

    @Column(nullable = false, length = MAX_EXPLANATION, updatable = false)
    public String explanation;

    /** The kind's settings as JSON (see {@link RuleSpecJson}). */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT", updatable = false)
    public String parameters;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    public String createdBy;

    public Set<Platform> platformSet() {
        Set<Platform> set = EnumSet.noneOf(Platform.class);
        names(platforms).forEach(name -> set.add(Platform.valueOf(name)));
        return set;
    }

    public Set<RuleField> fieldSet() {
        Set<RuleField> set = EnumSet.noneOf(RuleField.class);
        names(fields).forEach(key -> set.add(RuleField.ofKey(key)));
        return set;
    }

    public RuleSpec spec() {
        return RuleSpecJson.read(kind, parameters);
    }

    /** This version as the engine sees it. */
    public Rule toRule() {
        return new Rule(rule.id, version, name, kind, severity, platformSet(),
                fieldSet().stream().map(RuleField::key).collect(Collectors.toSet()), explanation, spec());
    }

    static String storePlatforms(Set<Platform> platforms) {
        return platforms.stream().sorted().map(Platform::name).collect(Collectors.joining(","));
    }

    static String storeFields(Set<RuleField> fields) {
        return fields.stream().sorted().map(RuleField::key).collect(Collectors.joining(","));
    }

    /**
     * The current versions of the rules of the brands in {@code scope} (only of {@code brandId} when not null),
     * active rules first, then by brand and name.
     */
    public static List<RuleVersion> currentIn(BrandScope scope, Long brandId) {
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        if (brandId != null) {
            parameters.put("brand", brandId);
        }
        return list("select v from RuleVersion v join fetch v.rule r join fetch r.brand b where " + scope.condition("b.id")
                + (brandId != null ? " and b.id = :brand" : "") + " and v.version = r.currentVersion"
                + " order by r.active desc, b.name, v.name, r.id", parameters);
    }

    /** The current versions of the active rules of one brand, in rule id order so compiled sets are stable. */
    public static List<RuleVersion> activeOfBrand(long brandId) {
        return list("select v from RuleVersion v join fetch v.rule r"
                + " where r.brand.id = ?1 and r.active = true and v.version = r.currentVersion order by r.id", brandId);
    }

    public static RuleVersion current(GovernanceRule rule) {
        return find("rule = ?1 and version = ?2", rule, rule.currentVersion).singleResult();
    }

    /** Every version of {@code rule}, newest first. */
    public static List<RuleVersion> history(GovernanceRule rule) {
        return list("rule = ?1 order by version desc", rule);
    }

    /** Whether another rule of the brand currently carries {@code name} (ignoring case). */
    static boolean nameTaken(long brandId, String name, Long exceptRuleId) {
        return getEntityManager().createQuery("select count(v) from RuleVersion v join v.rule r where r.brand.id = ?1"
                + " and v.version = r.currentVersion and lower(v.name) = lower(?2) and r.id <> ?3", Long.class)
                .setParameter(1, brandId).setParameter(2, name).setParameter(3, exceptRuleId == null ? -1L : exceptRuleId)
                .getSingleResult() > 0;
    }

    private static List<String> names(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }
}
