package app.herald.governance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditEntry;
import app.herald.audit.AuditService;
import app.herald.brand.Brand;
import app.herald.governance.engine.RuleCompileException;
import app.herald.governance.engine.RuleEngine;

/**
 * Creates, edits, deactivates and reactivates governance rules. Every change saves or keeps immutable versions,
 * increments the brand's rule-set version and writes one audit entry, all in one transaction. Callers check that
 * the user may see the brand.
 */
@ApplicationScoped
@Transactional
public class RuleService {

    static final String AUDIT_SUBJECT = "RULE";

    @Inject
    AuditService audit;

    /** @throws RuleRejectedException when the draft is incomplete or its settings do not compile; nothing is saved */
    public RuleChange create(Brand brand, RuleDraft draft) {
        RuleDraft checked = check(brand.id, null, draft);
        // Lock the brand row before inserting: the insert's foreign-key check takes a shared lock on it, and two
        // creates holding shared locks while both asking for the exclusive one would deadlock.
        int ruleSetVersion = Brand.nextRuleSetVersion(brand.id);
        GovernanceRule rule = new GovernanceRule();
        rule.brand = brand;
        rule.active = true;
        rule.currentVersion = 1;
        rule.persist();
        AuditEntry entry = audit.record(AuditAction.RULE_CREATED, AUDIT_SUBJECT, rule.id, checked.name())
                .brand(rule.brand.id)
                .transition(null, "v1").comment(ruleSetComment(ruleSetVersion, null)).write();
        return new RuleChange(rule, saveVersion(rule, checked, entry), ruleSetVersion);
    }

    /**
     * Saves {@code draft} as the rule's next version.
     *
     * @param baseVersion the version the author edited; when someone saved a newer one meanwhile, the edit is refused
     *                    ({@link RuleChangedException}) rather than silently overwriting their change
     */
    public RuleChange update(long ruleId, int baseVersion, RuleDraft draft) {
        GovernanceRule rule = lock(ruleId);
        if (!rule.active) {
            throw new RuleRejectedException("This rule is deactivated; reactivate it before editing.");
        }
        if (rule.currentVersion != baseVersion) {
            throw new RuleChangedException(RuleVersion.current(rule).createdBy + " saved version " + rule.currentVersion
                    + " of this rule while you were editing version " + baseVersion + ".");
        }
        RuleDraft checked = check(rule.brand.id, rule.id, draft);
        int ruleSetVersion = Brand.nextRuleSetVersion(rule.brand.id);
        int from = rule.currentVersion;
        rule.currentVersion = from + 1;
        AuditEntry entry = audit.record(AuditAction.RULE_UPDATED, AUDIT_SUBJECT, rule.id, checked.name())
                .brand(rule.brand.id)
                .transition("v" + from, "v" + rule.currentVersion).comment(ruleSetComment(ruleSetVersion, null)).write();
        return new RuleChange(rule, saveVersion(rule, checked, entry), ruleSetVersion);
    }

    /** Stops the rule from applying; its versions stay. {@code reason} is optional and goes to the audit log. */
    public RuleChange deactivate(long ruleId, String reason) {
        GovernanceRule rule = lock(ruleId);
        RuleVersion current = RuleVersion.current(rule);
        if (!rule.active) {
            throw new RuleRejectedException("Rule \"" + current.name + "\" is already deactivated.");
        }
        rule.active = false;
        return statusChange(rule, current, AuditAction.RULE_DEACTIVATED, "active", "inactive", reason);
    }

    /** Makes a deactivated rule apply again at its current version. */
    public RuleChange reactivate(long ruleId) {
        GovernanceRule rule = lock(ruleId);
        RuleVersion current = RuleVersion.current(rule);
        if (rule.active) {
            throw new RuleRejectedException("Rule \"" + current.name + "\" is already active.");
        }
        rule.active = true;
        return statusChange(rule, current, AuditAction.RULE_REACTIVATED, "inactive", "active", null);
    }

    /** The audit entries of one rule, newest first. */
    public List<AuditEntry> activity(long ruleId) {
        return AuditEntry.list("subjectType = ?1 and subjectId = ?2 order by occurredAt desc, id desc", AUDIT_SUBJECT,
                ruleId);
    }

    private RuleChange statusChange(GovernanceRule rule, RuleVersion current, AuditAction action, String from, String to,
            String reason) {
        int ruleSetVersion = Brand.nextRuleSetVersion(rule.brand.id);
        audit.record(action, AUDIT_SUBJECT, rule.id, current.name).brand(rule.brand.id).transition(from, to)
                .comment(ruleSetComment(ruleSetVersion, reason)).write();
        return new RuleChange(rule, current, ruleSetVersion);
    }

    /** Stores the rule's current version, stamped with the author and time of its audit entry. */
    private static RuleVersion saveVersion(GovernanceRule rule, RuleDraft draft, AuditEntry entry) {
        RuleVersion version = new RuleVersion();
        version.rule = rule;
        version.version = rule.currentVersion;
        version.name = draft.name();
        version.kind = draft.spec().kind();
        version.severity = draft.severity();
        version.platforms = RuleVersion.storePlatforms(draft.platforms());
        version.fields = RuleVersion.storeFields(draft.fields());
        version.explanation = draft.explanation();
        version.parameters = RuleSpecJson.write(draft.spec());
        version.createdAt = entry.occurredAt;
        version.createdBy = entry.actor;
        version.persist();
        return version;
    }

    /** The draft with its text trimmed, or a refusal naming the first problem. */
    private static RuleDraft check(long brandId, Long ruleId, RuleDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw new RuleRejectedException("Give the rule a name.");
        }
        if (name.length() > RuleVersion.MAX_NAME) {
            throw new RuleRejectedException("Rule name must be at most " + RuleVersion.MAX_NAME + " characters.");
        }
        if (draft.severity() == null) {
            throw new RuleRejectedException("Choose a severity: Block or Warn.");
        }
        String explanation = draft.explanation() == null ? "" : draft.explanation().strip();
        if (explanation.length() > RuleVersion.MAX_EXPLANATION) {
            throw new RuleRejectedException("Explanation must be at most " + RuleVersion.MAX_EXPLANATION + " characters.");
        }
        try {
            RuleEngine.validate(draft.spec());
        } catch (RuleCompileException e) {
            throw new RuleRejectedException(e.getMessage());
        }
        if (RuleVersion.nameTaken(brandId, name, ruleId)) {
            throw new RuleRejectedException("This brand already has a rule named \"" + name + "\"; choose another name.");
        }
        return new RuleDraft(name, draft.severity(), draft.platforms(), draft.fields(), explanation, draft.spec());
    }

    private static GovernanceRule lock(long ruleId) {
        GovernanceRule rule = GovernanceRule.lockById(ruleId);
        if (rule == null) {
            throw new NotFoundException("No rule " + ruleId);
        }
        return rule;
    }

    private static String ruleSetComment(int ruleSetVersion, String reason) {
        String comment = "Brand rule set is now version " + ruleSetVersion + ".";
        return reason == null || reason.isBlank() ? comment : comment + " Reason: " + reason.strip();
    }
}
