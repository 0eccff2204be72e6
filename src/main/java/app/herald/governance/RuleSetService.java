package app.herald.governance;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.NoResultException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.herald.brand.Brand;
import app.herald.governance.engine.CompiledRuleSet;
import app.herald.governance.engine.RuleEngine;

/**
 * The compiled rule set each brand's content is checked against: its active rules at their current versions,
 * compiled once per (brand, rule-set version) and shared by every request until a rule changes.
 */
@ApplicationScoped
public class RuleSetService {

    /** The newest compiled set per brand; a set whose version is no longer the brand's is replaced on next use. */
    private final ConcurrentMap<Long, CompiledRuleSet> compiled = new ConcurrentHashMap<>();

    /**
     * The brand's current rule set; {@link CompiledRuleSet#version()} is the brand's rule-set version to report.
     * Reads the version on every call, so a change saved by any instance applies to the next check.
     * Callers check that the user may see the brand.
     *
     * @throws NotFoundException for an unknown brand
     * @throws app.herald.governance.engine.RuleCompileException when a stored rule no longer compiles
     */
    @Transactional
    public CompiledRuleSet current(long brandId) {
        // One transaction: InnoDB's consistent snapshot makes the version and the rules read below agree.
        int version = ruleSetVersion(brandId);
        CompiledRuleSet cached = compiled.get(brandId);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        CompiledRuleSet fresh = RuleEngine.compile(version,
                RuleVersion.activeOfBrand(brandId).stream().map(RuleVersion::toRule).toList());
        // A slower request that compiled an older version must not replace a newer set.
        return compiled.merge(brandId, fresh, (old, candidate) -> old.version() >= candidate.version() ? old : candidate);
    }

    private static int ruleSetVersion(long brandId) {
        try {
            return Brand.getEntityManager()
                    .createQuery("select b.ruleSetVersion from Brand b where b.id = ?1", Integer.class)
                    .setParameter(1, brandId).getSingleResult();
        } catch (NoResultException e) {
            throw new NotFoundException("No brand " + brandId);
        }
    }
}
