package app.herald.governance;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.governance.engine.CheckedText;
import app.herald.governance.engine.CompiledRuleSet;
import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The rule tester: checks pasted text against a brand's current rule set and shows the findings in place. */
@Path("/governance/tester")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RuleTesterResource {

    @Inject
    BrandAccess brands;

    @Inject
    RuleSetService ruleSets;

    /** What was pasted, kept so the form shows it again next to the result. */
    public record TesterInput(Long brand, Set<Platform> platforms, String title, String description) {
        public boolean hasPlatform(Platform platform) {
            return platforms.contains(platform);
        }
    }

    /** The outcome for one brand: which rule-set version was used and, per platform, what it found. */
    public record TesterResult(Brand brand, int ruleSetVersion, int activeRules, List<PlatformResult> platforms) {
    }

    /** The findings on one platform and both fields with their findings highlighted. */
    public record PlatformResult(Platform platform, List<FindingRow> findings, List<Highlighter.Segment> title,
            List<Highlighter.Segment> description, long blocking, long warnings) {
    }

    /** One finding and the explanation its rule gives marketers. */
    public record FindingRow(Finding finding, String explanation) {
    }

    @CheckedTemplate(basePath = "governance")
    static class Templates {
        static native TemplateInstance tester(List<Brand> brands, TesterInput input, List<Platform> allPlatforms,
                String error, TesterResult result);
    }

    @GET
    public TemplateInstance form(@QueryParam("brand") Long brandId) {
        if (brandId != null) {
            brands.requireVisible(brandId);
        }
        TesterInput blank = new TesterInput(brandId, EnumSet.allOf(Platform.class), "", "");
        return Templates.tester(brands.visibleBrands(), blank, List.of(Platform.values()), null, null);
    }

    /** Changes nothing, so it answers with the result page directly rather than redirecting. */
    @POST
    public Response check(@RestForm long brand, @RestForm List<String> platforms, @RestForm String title,
            @RestForm String description) {
        Brand checked = brands.requireVisible(brand);
        Set<Platform> chosen = EnumSet.noneOf(Platform.class);
        for (Platform platform : Platform.values()) {
            if (platforms != null && platforms.contains(platform.name())) {
                chosen.add(platform);
            }
        }
        TesterInput input = new TesterInput(brand, chosen, title == null ? "" : title, description == null ? "" : description);
        if (chosen.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.tester(brands.visibleBrands(), input,
                    List.of(Platform.values()), "Choose at least one platform to check against.", null)).build();
        }
        return Response.ok(Templates.tester(brands.visibleBrands(), input, List.of(Platform.values()), null,
                result(checked, input))).build();
    }

    private TesterResult result(Brand brand, TesterInput input) {
        CompiledRuleSet set = ruleSets.current(brand.id);
        Map<Long, String> explanations = new LinkedHashMap<>();
        set.rules().forEach(rule -> explanations.put(rule.id(), rule.explanation()));
        List<PlatformResult> results = input.platforms().stream().map(platform -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(RuleField.TITLE.key(), input.title());
            fields.put(RuleField.DESCRIPTION.key(), input.description());
            List<Finding> findings = set.check(new CheckedText(platform, fields));
            long blocking = findings.stream().filter(finding -> finding.severity() == Severity.BLOCK).count();
            return new PlatformResult(platform,
                    findings.stream().map(finding -> new FindingRow(finding, explanations.get(finding.ruleId()))).toList(),
                    Highlighter.segments(input.title(), inField(findings, RuleField.TITLE)),
                    Highlighter.segments(input.description(), inField(findings, RuleField.DESCRIPTION)),
                    blocking, findings.size() - blocking);
        }).toList();
        return new TesterResult(brand, set.version(), set.rules().size(), results);
    }

    private static List<Finding> inField(List<Finding> findings, RuleField field) {
        return findings.stream().filter(finding -> finding.field().equals(field.key())).toList();
    }
}
