package app.herald.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.brand.Brand;
import app.herald.content.media.MediaPanel;
import app.herald.governance.RuleField;
import app.herald.governance.RuleSetService;
import app.herald.governance.engine.CheckedText;
import app.herald.governance.engine.CompiledRuleSet;
import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter;
import app.herald.insight.Forecast;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Builds content pages: one item's page (variants, findings, revisions, thread) and the form's live checks. */
@ApplicationScoped
public class ContentPages {

    @Inject
    ContentCompliance compliance;

    @Inject
    RuleSetService ruleSets;

    @Inject
    RoleCheck roles;

    @Inject
    ChannelStates channelStates;

    @Inject
    ContentForecasts forecasts;

    /** What the signed-in user may do on the page. */
    public record Permissions(boolean edit, boolean submit, boolean review, boolean schedule) {
    }

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance detail(ContentItem item, ComplianceReport report, List<ContentRevision> revisions,
                List<ContentComment> comments, MediaPanel media, List<ChannelStates.ChannelState> channels,
                List<Forecast> forecasts, Permissions can, String error);
    }

    /** Live checks of the form as typed: generated text for empty fields, counters, spec and rule findings. */
    public List<VariantCheck> checks(ContentForm form, Brand brand) {
        CompiledRuleSet rules = ruleSets.current(brand.id);
        VariantGenerator.Core core = ContentService.core(form, brand);
        List<VariantCheck> checks = new ArrayList<>();
        for (Platform platform : form.platforms()) {
            VariantGenerator.VariantText text = form.filledVariant(platform, core);
            String title = text.title();
            String body = text.body();
            PlatformSpec spec = PlatformSpecs.of(platform);
            List<VariantCheck.Counter> counters = new ArrayList<>();
            Map<String, String> fields = new LinkedHashMap<>();
            if (title != null) {
                counters.add(VariantCheck.Counter.of("Title", spec.title(), title));
                fields.put(RuleField.TITLE.key(), title);
            }
            counters.add(VariantCheck.Counter.of(platform.textLabel(), spec.body(), body));
            fields.put(RuleField.DESCRIPTION.key(), body);
            List<Finding> findings = rules.check(new CheckedText(platform, fields));
            checks.add(new VariantCheck(platform, title, body, counters, PlatformSpecs.checkText(platform, title, body),
                    findings, title == null ? List.of() : Highlighter.segments(title, only(findings, RuleField.TITLE)),
                    Highlighter.segments(body, only(findings, RuleField.DESCRIPTION))));
        }
        return checks;
    }

    private static List<Finding> only(List<Finding> findings, RuleField field) {
        return findings.stream().filter(finding -> finding.field().equals(field.key())).toList();
    }

    public TemplateInstance detail(ContentItem item, String error) {
        boolean author = roles.any(Role.MARKETER, Role.ADMIN);
        Permissions can = new Permissions(author && item.state.editable(),
                author && (item.state == ContentState.DRAFT || item.state == ContentState.CHANGES_REQUESTED),
                roles.any(Role.REVIEWER, Role.ADMIN) && item.state == ContentState.SUBMITTED,
                roles.any(Role.MARKETER, Role.MANAGER, Role.ADMIN)
                        && (item.state == ContentState.APPROVED || item.state == ContentState.SCHEDULED));
        return Templates.detail(item, compliance.check(item), ContentRevision.listFor(item.id),
                ContentComment.thread(item.id), media(item), channelStates.of(List.of(item.id)).getOrDefault(item.id, List.of()),
                forecasts.forItem(item), can, error);
    }

    /** The video panel of the content and review pages. */
    public MediaPanel media(ContentItem item) {
        return MediaPanel.of(item);
    }
}
