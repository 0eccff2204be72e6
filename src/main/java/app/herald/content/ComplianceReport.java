package app.herald.content;

import java.util.List;

import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter.Segment;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;
import io.quarkus.qute.TemplateExtension;

/** The findings of one content item against its brand's current rule set, per platform and field. */
public record ComplianceReport(int ruleSetVersion, List<PlatformReport> platforms) {

    /** One platform's variant: its fields with highlight segments and its findings. */
    public record PlatformReport(Platform platform, List<FieldReport> fields, List<Finding> findings) {
    }

    /** One text field of a variant (rule key and label), split into segments so flagged spans can be marked. */
    public record FieldReport(String field, String label, String text, List<Segment> segments) {
    }

    public List<Finding> findings() {
        return platforms.stream().flatMap(platform -> platform.findings().stream()).toList();
    }

    public long blockCount() {
        return findings().stream().filter(finding -> finding.severity() == Severity.BLOCK).count();
    }

    public long warnCount() {
        return findings().stream().filter(finding -> finding.severity() == Severity.WARN).count();
    }

    /** Why the blocking findings block, one line per rule and message (repeats across fields and platforms dropped). */
    public List<String> blockingReasons() {
        return findings().stream().filter(finding -> finding.severity() == Severity.BLOCK)
                .map(finding -> finding.ruleName() + ": " + finding.message()).distinct().toList();
    }

    /** Names of the rules that could not be checked on some field; each still counts at its severity. */
    public List<String> notCheckedRules() {
        return findings().stream().filter(Finding::notChecked).map(Finding::ruleName).distinct().toList();
    }

    public List<Finding> warnings() {
        return findings().stream().filter(finding -> finding.severity() == Severity.WARN).toList();
    }

    /** The stable key a reviewer acknowledges a finding by: rule, version, platform, field and span. */
    @TemplateExtension
    public static String key(Finding finding) {
        return finding.ruleId() + ":" + finding.ruleVersion() + ":" + finding.platform().name() + ":" + finding.field()
                + ":" + finding.start() + ":" + finding.end();
    }
}
