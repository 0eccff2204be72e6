package app.herald.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import app.herald.governance.engine.Finding;
import app.herald.governance.engine.Highlighter;
import app.herald.governance.engine.RuleCompileException;
import app.herald.governance.engine.RuleEngine;
import app.herald.governance.engine.RuleKind;
import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;
import io.quarkus.qute.TemplateExtension;

/** How governance rules, findings and highlighted text read on a page. */
@TemplateExtension
public class GovernanceTemplateExtensions {

    /** One line of a rule's settings: a label and its values (shown as a list). */
    public record Setting(String label, List<String> values) {
    }

    static String label(Severity severity) {
        return severity == Severity.BLOCK ? "Block" : "Warn";
    }

    /** The CSS modifier shared by severity badges and highlight marks. */
    static String css(Severity severity) {
        return severity == Severity.BLOCK ? "block" : "warn";
    }

    static String description(RuleKind kind) {
        return switch (kind) {
            case BANNED_TERM -> "Words or phrases that must not appear, ignoring case, accents and punctuation.";
            case REQUIRED_DISCLAIMER -> "Text that must appear, always or whenever a trigger word such as #ad is used.";
            case REGEX -> "A regular expression that text must not match, or must match.";
            case HASHTAG -> "Hashtags that must or must not be used, and how many are allowed.";
            case LENGTH_LIMIT -> "A maximum number of characters per field.";
            case LINK_ALLOWLIST -> "The only domains links may point to.";
            case CLAIM_WORD -> "Claims such as \"guaranteed\" that a reviewer must sign off.";
        };
    }

    static String platformScope(RuleVersion version) {
        return version.platformSet().isEmpty() ? "All platforms"
                : version.platformSet().stream().map(Platform::label).collect(Collectors.joining(", "));
    }

    static String fieldScope(RuleVersion version) {
        return version.fieldSet().isEmpty() ? "All fields"
                : version.fieldSet().stream().map(RuleField::label).collect(Collectors.joining(", "));
    }

    /** The kind-specific settings of a version, as label and values. */
    static List<Setting> settings(RuleVersion version) {
        List<Setting> settings = new ArrayList<>();
        RuleSpec spec = version.spec();
        switch (version.kind) {
            case BANNED_TERM -> {
                RuleSpec.BannedTerm banned = (RuleSpec.BannedTerm) spec;
                settings.add(new Setting("Banned terms", banned.terms()));
                addIfAny(settings, "Allowed exceptions", banned.allowedExceptions());
            }
            case REQUIRED_DISCLAIMER -> {
                RuleSpec.RequiredDisclaimer required = (RuleSpec.RequiredDisclaimer) spec;
                settings.add(new Setting("Disclaimer", List.of(required.text())));
                settings.add(new Setting("Required", required.triggers().isEmpty() ? List.of("always")
                        : required.triggers().stream().map(trigger -> "when \"" + trigger + "\" appears").toList()));
            }
            case REGEX -> {
                RuleSpec.RegexPattern regex = (RuleSpec.RegexPattern) spec;
                settings.add(new Setting("Pattern", List.of(regex.pattern())));
                settings.add(new Setting("Flags", List.of(regex.mustMatch() ? "text must match" : "matches are flagged",
                        regex.caseInsensitive() ? "ignores case" : "case-sensitive")));
            }
            case HASHTAG -> {
                RuleSpec.HashtagRule hashtags = (RuleSpec.HashtagRule) spec;
                addIfAny(settings, "Required hashtags", hashtags.required());
                addIfAny(settings, "Forbidden hashtags", hashtags.forbidden());
                if (hashtags.maxCount() != null) {
                    settings.add(new Setting("At most", List.of(hashtags.maxCount() + " hashtags")));
                }
            }
            case LENGTH_LIMIT -> settings.add(new Setting("At most",
                    List.of(((RuleSpec.LengthLimit) spec).maxChars() + " characters")));
            case LINK_ALLOWLIST -> {
                List<String> domains = ((RuleSpec.LinkAllowlist) spec).allowedDomains();
                settings.add(new Setting("Allowed domains", domains.isEmpty() ? List.of("none: every link is flagged") : domains));
            }
            case CLAIM_WORD -> settings.add(new Setting("Claim words", ((RuleSpec.ClaimWord) spec).words()));
        }
        return settings;
    }

    /** Why the version's settings no longer compile (e.g. a pattern saved for an earlier engine), or null. */
    static String compileProblem(RuleVersion version) {
        try {
            RuleEngine.validate(version.spec());
            return null;
        } catch (RuleCompileException e) {
            return e.getMessage();
        }
    }

    static String fieldLabel(Finding finding) {
        return RuleField.labelOf(finding.field());
    }

    /** A flagged segment is marked as blocking when any finding covering it blocks. */
    static String markClass(Highlighter.Segment segment) {
        boolean blocks = segment.findings().stream().anyMatch(finding -> finding.severity() == Severity.BLOCK);
        return "finding finding-" + css(blocks ? Severity.BLOCK : Severity.WARN);
    }

    /** The tooltip of a mark: every finding covering it, one per line. */
    static String markTitle(Highlighter.Segment segment) {
        return segment.findings().stream()
                .map(finding -> label(finding.severity()) + " · " + finding.ruleName() + ": " + finding.message())
                .collect(Collectors.joining("\n"));
    }

    private static void addIfAny(List<Setting> settings, String label, List<String> values) {
        if (!values.isEmpty()) {
            settings.add(new Setting(label, values));
        }
    }
}
