package app.herald.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.governance.RuleField;
import app.herald.governance.RuleSetService;
import app.herald.governance.engine.CheckedText;
import app.herald.governance.engine.CompiledRuleSet;
import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter;

/** Checks a content item's variants against its brand's current governance rules. */
@ApplicationScoped
public class ContentCompliance {

    @Inject
    RuleSetService ruleSets;

    public ComplianceReport check(ContentItem item) {
        CompiledRuleSet rules = ruleSets.current(item.brand.id);
        List<ComplianceReport.PlatformReport> platforms = new ArrayList<>();
        for (ContentVariant variant : item.variants) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (variant.platform.hasTitle()) {
                fields.put(RuleField.TITLE.key(), variant.title == null ? "" : variant.title);
            }
            fields.put(RuleField.DESCRIPTION.key(), variant.body == null ? "" : variant.body);
            List<Finding> findings = rules.check(new CheckedText(variant.platform, fields));
            List<ComplianceReport.FieldReport> fieldReports = fields.entrySet().stream()
                    .map(field -> new ComplianceReport.FieldReport(field.getKey(),
                            RuleField.TITLE.key().equals(field.getKey()) ? "Title" : variant.platform.textLabel(),
                            field.getValue(),
                            Highlighter.segments(field.getValue(),
                                    findings.stream().filter(finding -> finding.field().equals(field.getKey())).toList())))
                    .toList();
            platforms.add(new ComplianceReport.PlatformReport(variant.platform, fieldReports, findings));
        }
        return new ComplianceReport(rules.version(), platforms);
    }
}
