package app.herald.governance;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.audit.AuditEntry;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.governance.engine.RuleKind;
import app.herald.platform.Platform;
import app.herald.web.ChangedMeanwhile;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Governance rule pages: everyone reads the rules of their brands; reviewers and admins change them. */
@Path("/governance/rules")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RulesResource {

    @Inject
    RuleService rules;

    @Inject
    BrandAccess brands;

    @Inject
    Flash flash;

    @Inject
    RoleCheck roles;

    /** A brand on the list page with its rule-set version and how many rules are active. */
    public record BrandRules(Brand brand, long activeRules) {
    }

    @CheckedTemplate(basePath = "governance")
    static class Templates {
        static native TemplateInstance rules(List<RuleVersion> rules, List<BrandRules> shownBrands, List<Brand> allBrands,
                Long selectedBrand, boolean canEdit);

        static native TemplateInstance choose(List<Brand> brands, Long selectedBrand, List<RuleKind> kinds);

        static native TemplateInstance form(Brand brand, RuleKind kind, RuleForm form, GovernanceRule rule, String error,
                List<Platform> allPlatforms, List<RuleField> allFields, ChangedMeanwhile changed);

        static native TemplateInstance rule(GovernanceRule rule, RuleVersion current, List<RuleVersion> history,
                List<AuditEntry> activity, boolean canEdit, String error);

        static native TemplateInstance deactivate(GovernanceRule rule, RuleVersion current, String reason, String error);
    }

    @GET
    public TemplateInstance list(@QueryParam("brand") Long brandId) {
        List<Brand> visible = brands.visibleBrands();
        List<Brand> shown = brandId == null ? visible : List.of(brands.requireVisible(brandId));
        List<RuleVersion> current = RuleVersion.currentIn(brands.scope(), brandId);
        Map<Long, Long> activeByBrand = current.stream().filter(version -> version.rule.active)
                .collect(Collectors.groupingBy(version -> version.rule.brand.id, Collectors.counting()));
        List<BrandRules> summaries = shown.stream()
                .map(brand -> new BrandRules(brand, activeByBrand.getOrDefault(brand.id, 0L))).toList();
        return Templates.rules(current, summaries, visible, brandId, canEdit());
    }

    @GET
    @Path("new")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public TemplateInstance newRule(@QueryParam("brand") Long brandId, @QueryParam("kind") String kind) {
        if (brandId == null || kind == null || kind.isBlank()) {
            return Templates.choose(brands.visibleBrands(), brandId, List.of(RuleKind.values()));
        }
        return formPage(brands.requireVisible(brandId), kind(kind), new RuleForm(), null, null);
    }

    @POST
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public Response create(@RestForm long brand, @RestForm String kind, @BeanParam RuleForm form) {
        Brand owner = brands.requireVisible(brand);
        RuleKind ruleKind = kind(kind);
        try {
            RuleChange change = rules.create(owner, form.toDraft(ruleKind));
            flash.success("Rule \"" + change.version().name + "\" created. " + ruleSetNote(owner, change));
            return Response.seeOther(URI.create("/governance/rules/" + change.rule().id)).build();
        } catch (RuleRejectedException e) {
            return refused(formPage(owner, ruleKind, form, null, e.getMessage()));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return rulePage(visibleRule(id), null);
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public TemplateInstance edit(@PathParam("id") long id) {
        GovernanceRule rule = visibleRule(id);
        RuleVersion current = RuleVersion.current(rule);
        return formPage(rule.brand, current.kind, RuleForm.of(current), rule, null);
    }

    @POST
    @Path("{id}/edit")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public Response update(@PathParam("id") long id, @BeanParam RuleForm form) {
        GovernanceRule rule = visibleRule(id);
        RuleKind kind = RuleVersion.current(rule).kind;
        try {
            RuleChange change = rules.update(id, form.baseVersion, form.toDraft(kind));
            flash.success("Rule \"" + change.version().name + "\" saved as version " + change.version().version + ". "
                    + ruleSetNote(rule.brand, change));
            return Response.seeOther(URI.create("/governance/rules/" + id)).build();
        } catch (RuleChangedException e) {
            // The form now shows the current version; what the author typed is listed above it.
            GovernanceRule current = visibleRule(id);
            RuleForm now = RuleForm.of(RuleVersion.current(current));
            return Response.status(Response.Status.CONFLICT).entity(formPage(current.brand, kind, now, current, null,
                    ChangedMeanwhile.of(e.getMessage(), form.labelled(kind), now.labelled(kind)))).build();
        } catch (RuleRejectedException e) {
            return refused(formPage(rule.brand, kind, form, rule, e.getMessage()));
        }
    }

    @GET
    @Path("{id}/deactivate")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public TemplateInstance confirmDeactivate(@PathParam("id") long id) {
        GovernanceRule rule = visibleRule(id);
        return Templates.deactivate(rule, RuleVersion.current(rule), "", null);
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public Response deactivate(@PathParam("id") long id, @RestForm String reason) {
        GovernanceRule rule = visibleRule(id);
        try {
            RuleChange change = rules.deactivate(id, reason);
            flash.success("Rule \"" + change.version().name + "\" deactivated; its history is kept. "
                    + ruleSetNote(rule.brand, change));
            return Response.seeOther(URI.create("/governance/rules/" + id)).build();
        } catch (RuleRejectedException e) {
            return refused(Templates.deactivate(rule, RuleVersion.current(rule), reason, e.getMessage()));
        }
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    public Response reactivate(@PathParam("id") long id) {
        GovernanceRule rule = visibleRule(id);
        try {
            RuleChange change = rules.reactivate(id);
            flash.success("Rule \"" + change.version().name + "\" reactivated at version " + change.version().version
                    + ". " + ruleSetNote(rule.brand, change));
            return Response.seeOther(URI.create("/governance/rules/" + id)).build();
        } catch (RuleRejectedException e) {
            return refused(rulePage(rule, e.getMessage()));
        }
    }

    private TemplateInstance rulePage(GovernanceRule rule, String error) {
        return Templates.rule(rule, RuleVersion.current(rule), RuleVersion.history(rule), rules.activity(rule.id),
                canEdit(), error);
    }

    private static TemplateInstance formPage(Brand brand, RuleKind kind, RuleForm form, GovernanceRule rule, String error) {
        return formPage(brand, kind, form, rule, error, null);
    }

    /** The rule form; {@code changed} is the notice of a 409 page. */
    private static TemplateInstance formPage(Brand brand, RuleKind kind, RuleForm form, GovernanceRule rule, String error,
            ChangedMeanwhile changed) {
        return Templates.form(brand, kind, form, rule, error, List.of(Platform.values()), List.of(RuleField.values()),
                changed);
    }

    /** The rule if it exists and its brand is visible to the user; a 404 otherwise, so hidden brands stay unknown. */
    private GovernanceRule visibleRule(long id) {
        return brands.findVisible(GovernanceRule.class, id, rule -> rule.brand);
    }

    private boolean canEdit() {
        return roles.any(Role.REVIEWER, Role.ADMIN);
    }

    private static RuleKind kind(String name) {
        return Arrays.stream(RuleKind.values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static String ruleSetNote(Brand brand, RuleChange change) {
        return brand.name + " rule set is now version " + change.ruleSetVersion() + ".";
    }

    private static Response refused(TemplateInstance page) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page).build();
    }
}
