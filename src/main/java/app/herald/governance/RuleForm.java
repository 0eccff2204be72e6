package app.herald.governance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.governance.engine.RuleKind;
import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;

/**
 * The rule form exactly as typed, so a refused submission can be shown again unchanged; turns into a
 * {@link RuleDraft} for its kind. Lists are typed one entry per line.
 */
public class RuleForm {

    static final String ALL = "ALL";
    static final String SOME = "SOME";

    @RestForm
    public String name = "";
    @RestForm
    public String severity = Severity.BLOCK.name();
    @RestForm
    public String platformScope = ALL;
    @RestForm
    public List<String> platforms = new ArrayList<>();
    @RestForm
    public String fieldScope = ALL;
    @RestForm
    public List<String> fields = new ArrayList<>();
    @RestForm
    public String explanation = "";

    @RestForm
    public String terms = "";
    @RestForm
    public String exceptions = "";
    @RestForm
    public String disclaimer = "";
    @RestForm
    public String triggers = "";
    @RestForm
    public String pattern = "";
    @RestForm
    public boolean mustMatch;
    @RestForm
    public boolean caseInsensitive;
    @RestForm
    public String requiredTags = "";
    @RestForm
    public String forbiddenTags = "";
    @RestForm
    public String maxTags = "";
    @RestForm
    public String maxChars = "";
    @RestForm
    public String domains = "";
    @RestForm
    public String claims = "";

    /** The version the author started from, so an edit racing another one is noticed. */
    @RestForm
    public int baseVersion;

    /** The form filled in from a saved version, for editing it. */
    static RuleForm of(RuleVersion version) {
        RuleForm form = new RuleForm();
        form.name = version.name;
        form.severity = version.severity.name();
        form.platforms = version.platformSet().stream().map(Platform::name).toList();
        form.platformScope = form.platforms.isEmpty() ? ALL : SOME;
        form.fields = version.fieldSet().stream().map(RuleField::name).toList();
        form.fieldScope = form.fields.isEmpty() ? ALL : SOME;
        form.explanation = version.explanation;
        form.baseVersion = version.version;
        RuleSpec spec = version.spec();
        switch (version.kind) {
            case BANNED_TERM -> {
                RuleSpec.BannedTerm banned = (RuleSpec.BannedTerm) spec;
                form.terms = lines(banned.terms());
                form.exceptions = lines(banned.allowedExceptions());
            }
            case REQUIRED_DISCLAIMER -> {
                RuleSpec.RequiredDisclaimer required = (RuleSpec.RequiredDisclaimer) spec;
                form.disclaimer = required.text();
                form.triggers = lines(required.triggers());
            }
            case REGEX -> {
                RuleSpec.RegexPattern regex = (RuleSpec.RegexPattern) spec;
                form.pattern = regex.pattern();
                form.mustMatch = regex.mustMatch();
                form.caseInsensitive = regex.caseInsensitive();
            }
            case HASHTAG -> {
                RuleSpec.HashtagRule hashtags = (RuleSpec.HashtagRule) spec;
                form.requiredTags = lines(hashtags.required());
                form.forbiddenTags = lines(hashtags.forbidden());
                form.maxTags = text(hashtags.maxCount());
            }
            case LENGTH_LIMIT -> form.maxChars = text(((RuleSpec.LengthLimit) spec).maxChars());
            case LINK_ALLOWLIST -> form.domains = lines(((RuleSpec.LinkAllowlist) spec).allowedDomains());
            case CLAIM_WORD -> form.claims = lines(((RuleSpec.ClaimWord) spec).words());
        }
        return form;
    }

    /** @throws RuleRejectedException for input that cannot even be read (a count that is not a number) */
    RuleDraft toDraft(RuleKind kind) {
        Set<Platform> chosenPlatforms = chosen(platformScope, platforms, Platform.class,
                "Choose at least one platform, or apply the rule to all platforms.");
        Set<RuleField> chosenFields = chosen(fieldScope, fields, RuleField.class,
                "Choose at least one field, or apply the rule to every field.");
        Severity chosenSeverity = severity == null || severity.isBlank() ? null : named(Severity.class, severity);
        return new RuleDraft(name, chosenSeverity, chosenPlatforms, chosenFields, explanation, spec(kind));
    }

    /** The form's values under the labels the form shows, in its order, for the "changed meanwhile" notice. */
    Map<String, String> labelled(RuleKind kind) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", name);
        values.put("Severity", severity == null ? null
                : labels(List.of(severity), Severity.values(), GovernanceTemplateExtensions::label));
        switch (kind) {
            case BANNED_TERM -> {
                values.put("Banned terms", terms);
                values.put("Allowed exceptions", exceptions);
            }
            case REQUIRED_DISCLAIMER -> {
                values.put("Disclaimer text", disclaimer);
                values.put("Required when these appear", triggers);
            }
            case REGEX -> {
                values.put("Pattern", pattern);
                values.put("When the pattern…", mustMatch ? "does not match anywhere, flag the field"
                        : "matches, flag each match");
                values.put("Ignore upper/lower case", caseInsensitive ? "yes" : "no");
            }
            case HASHTAG -> {
                values.put("Required hashtags", requiredTags);
                values.put("Forbidden hashtags", forbiddenTags);
                values.put("At most this many hashtags", maxTags);
            }
            case LENGTH_LIMIT -> values.put("Maximum length in characters", maxChars);
            case LINK_ALLOWLIST -> values.put("Allowed domains", domains);
            case CLAIM_WORD -> values.put("Claim words", claims);
        }
        values.put("Platforms", allPlatforms() ? "All platforms" : labels(platforms, Platform.values(), Platform::label));
        values.put("Fields", allFields() ? "Every text field" : labels(fields, RuleField.values(), RuleField::label));
        values.put("Explanation for marketers", explanation);
        return values;
    }

    /** The labels of the named choices, in the order given; a name no choice has is shown as it was sent. */
    private static <E extends Enum<E>> String labels(List<String> names, E[] choices, Function<E, String> label) {
        return names.stream().map(name -> Arrays.stream(choices).filter(choice -> choice.name().equals(name)).findFirst()
                .map(label).orElse(name)).collect(Collectors.joining(", "));
    }

    public boolean hasPlatform(Platform platform) {
        return platforms.contains(platform.name());
    }

    public boolean hasField(RuleField field) {
        return fields.contains(field.name());
    }

    public boolean allPlatforms() {
        return !SOME.equals(platformScope);
    }

    public boolean allFields() {
        return !SOME.equals(fieldScope);
    }

    private RuleSpec spec(RuleKind kind) {
        return switch (kind) {
            case BANNED_TERM -> new RuleSpec.BannedTerm(entries(terms), entries(exceptions));
            case REQUIRED_DISCLAIMER -> new RuleSpec.RequiredDisclaimer(disclaimer == null ? "" : disclaimer.strip(),
                    entries(triggers));
            case REGEX -> new RuleSpec.RegexPattern(pattern, mustMatch, caseInsensitive);
            case HASHTAG -> new RuleSpec.HashtagRule(entries(requiredTags), entries(forbiddenTags),
                    count(maxTags, "Maximum number of hashtags"));
            case LENGTH_LIMIT -> new RuleSpec.LengthLimit(count(maxChars, "Maximum length"));
            case LINK_ALLOWLIST -> new RuleSpec.LinkAllowlist(entries(domains));
            case CLAIM_WORD -> new RuleSpec.ClaimWord(entries(claims));
        };
    }

    private static <E extends Enum<E>> Set<E> chosen(String scope, List<String> names, Class<E> type, String noneChosen) {
        Set<E> set = EnumSet.noneOf(type);
        if (!SOME.equals(scope)) {
            return set;
        }
        names.forEach(name -> set.add(named(type, name)));
        if (set.isEmpty()) {
            throw new RuleRejectedException(noneChosen);
        }
        return set;
    }

    /** Only a forged form sends a value its radio buttons and checkboxes do not offer. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new RuleRejectedException("\"" + name + "\" is not one of the offered choices.");
        }
    }

    /** The non-blank lines of a list field, trimmed; blank lines are how people space out long lists. */
    private static List<String> entries(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Integer count(String text, String label) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new RuleRejectedException(label + " must be a whole number (\"" + value + "\" is not).");
        }
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    private static String lines(List<String> entries) {
        return String.join("\n", entries);
    }
}
