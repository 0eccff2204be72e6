package app.herald.governance;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.herald.account.AppUser;
import app.herald.audit.AuditEntry;
import app.herald.brand.Brand;
import app.herald.governance.engine.RuleSpec;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Brands, rules and audit rows for governance tests, read and written in fresh transactions. */
public final class GovernanceFixture {

    private GovernanceFixture() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new brand whose only members are {@code usernames} (admins see it anyway). */
    public static long newBrand(String... usernames) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Brand brand = new Brand();
            brand.name = unique("Test brand");
            brand.timezone = "Europe/Berlin";
            brand.createdAt = Instant.now();
            for (String username : usernames) {
                brand.members.add(AppUser.findByUsername(username).orElseThrow());
            }
            brand.persist();
            return brand.id;
        });
    }

    public static long northwind() {
        return QuarkusTransaction.requiringNew().call(() -> Brand.findByName("Northwind Outdoor").orElseThrow().id);
    }

    public static int ruleSetVersion(long brandId) {
        return QuarkusTransaction.requiringNew().call(() -> Brand.<Brand>findById(brandId).ruleSetVersion);
    }

    /** Versions stored under {@code name} in any rule. */
    public static long versionsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> RuleVersion.count("name", name));
    }

    public static GovernanceRule rule(long ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> GovernanceRule.findById(ruleId));
    }

    /** Version numbers of the rule, oldest first. */
    public static List<Integer> versions(long ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> RuleVersion.<RuleVersion>list("rule.id = ?1 order by version",
                ruleId).stream().map(version -> version.version).toList());
    }

    /** The audit actions recorded for the rule, oldest first. */
    public static List<String> auditActions(long ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry>list("subjectType = 'RULE' and subjectId = ?1 order by id", ruleId).stream()
                .map(entry -> entry.action.name()).toList());
    }

    /**
     * Saves {@code spec} as the rule's next version without validating it, as an earlier Herald whose pattern engine
     * accepted other syntax would have stored it, and raises the brand's rule-set version like any edit.
     */
    public static void storeUnvalidated(long ruleId, RuleSpec spec) {
        QuarkusTransaction.requiringNew().run(() -> {
            GovernanceRule rule = GovernanceRule.findById(ruleId);
            RuleVersion current = RuleVersion.current(rule);
            RuleVersion next = new RuleVersion();
            next.rule = rule;
            next.version = current.version + 1;
            next.name = current.name;
            next.kind = spec.kind();
            next.severity = current.severity;
            next.platforms = current.platforms;
            next.fields = current.fields;
            next.explanation = current.explanation;
            next.parameters = RuleSpecJson.write(spec);
            next.createdAt = Instant.now();
            next.createdBy = current.createdBy;
            next.persist();
            rule.currentVersion = next.version;
            Brand.nextRuleSetVersion(rule.brand.id);
        });
    }

    /**
     * Creates a rule through the form as {@code session}; {@code fields} add to or override a valid banned-term rule.
     *
     * @return the response of the POST
     */
    public static Response post(WebSession session, long brandId, String kind, Map<String, ?> fields) {
        Map<String, Object> form = new HashMap<>();
        form.put("brand", brandId);
        form.put("kind", kind);
        form.put("severity", "BLOCK");
        form.put("platformScope", "ALL");
        form.put("fieldScope", "ALL");
        form.putAll(fields);
        return session.submit("/", "/governance/rules", form);
    }

    /** Creates a rule through the form and returns its id; fails unless the rule was created. */
    public static long create(WebSession session, long brandId, String kind, Map<String, ?> fields) {
        Response response = post(session, brandId, kind, fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("Rule not created: " + response.statusCode() + " " + response.body().asString());
        }
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
