package app.herald.content;

import java.util.List;

import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter.Segment;
import app.herald.platform.Platform;
import app.herald.platform.SpecViolation;
import app.herald.platform.TextLimit;

/**
 * What the content form shows live for one platform: the text as it will be posted, its length against the
 * platform's limits, spec violations, compliance findings and highlight segments for the preview card.
 */
public record VariantCheck(Platform platform, String title, String body, List<Counter> counters,
        List<SpecViolation> violations, List<Finding> findings, List<Segment> titleSegments, List<Segment> bodySegments) {

    /** One length counter: "Caption 2201 / 2200 UTF-16 units". */
    public record Counter(String label, int used, int max, String unit) {

        static Counter of(String label, TextLimit limit, String text) {
            return new Counter(label, limit.measure(text), limit.max(), limit.unit().label());
        }

        public boolean over() {
            return used > max;
        }
    }

    public boolean blocked() {
        return !violations.isEmpty()
                || findings.stream().anyMatch(finding -> finding.severity() == app.herald.governance.engine.Severity.BLOCK);
    }
}
