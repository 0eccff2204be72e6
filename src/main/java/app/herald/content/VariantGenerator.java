package app.herald.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.herald.platform.Platform;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;
import app.herald.platform.TextLimit;

/**
 * Writes a platform's post text from the universal core in that platform's style (YouTube: educational, SEO title,
 * subscribe call; TikTok: casual hook, trending-style hashtags, a question for the comments; Facebook: warm,
 * share call), with the brand's disclaimer and hashtags, trimmed to the platform's limits at word boundaries.
 */
public final class VariantGenerator {

    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
    private static final String ELLIPSIS = "…";

    private VariantGenerator() {
    }

    /** The universal core and brand defaults a variant is written from. */
    public record Core(String title, String coreMessage, String description, String hashtags, String audience,
            String niche, String callToAction, String brandDisclaimer, String brandHashtags) {
    }

    /** A generated post text; {@code title} is null where the platform has no separate title. */
    public record VariantText(String title, String body) {
    }

    public static VariantText generate(Platform platform, Core core) {
        return switch (platform) {
            case YOUTUBE_SHORTS -> youtube(core);
            case TIKTOK -> tiktok(core);
            case FACEBOOK_REELS -> facebook(core);
        };
    }

    private static VariantText youtube(Core core) {
        PlatformSpec spec = PlatformSpecs.of(Platform.YOUTUBE_SHORTS);
        String niche = clean(core.niche());
        String plainTitle = withoutAngleBrackets(clean(core.title()));
        String seoTitle = plainTitle;
        if (!niche.isEmpty() && !plainTitle.toLowerCase(Locale.ROOT).contains(niche.toLowerCase(Locale.ROOT))) {
            seoTitle = plainTitle + " | " + withoutAngleBrackets(capitalize(niche)) + " explained";
        }
        // The keyword suffix helps search, but never at the price of cutting the title itself.
        String title = spec.title().exceededBy(seoTitle) ? fit(plainTitle, "", spec.title()) : seoTitle;
        String lead = "In this Short: " + sentence(clean(core.title()));
        String explanation = clean(core.description()).equals(clean(core.coreMessage())) ? clean(core.coreMessage())
                : join("\n\n", core.coreMessage(), core.description());
        String cta = join(" ", sentence(clean(core.callToAction())),
                "Subscribe for more" + (niche.isEmpty() ? "" : " " + niche.toLowerCase(Locale.ROOT)) + " tips.");
        List<String> tags = hashtags(core, "#Shorts", niche.isEmpty() ? null : "#" + slug(niche));
        String body = compose(spec.body(), lead, explanation,
                List.of(cta, clean(core.brandDisclaimer()), String.join(" ", tags)));
        return new VariantText(title, withoutAngleBrackets(body));
    }

    private static VariantText tiktok(Core core) {
        PlatformSpec spec = PlatformSpecs.of(Platform.TIKTOK);
        String hook = "Wait for it 👀 " + clean(core.title());
        String audience = clean(core.audience());
        String question = audience.isEmpty() ? "Would you try this? Tell us in the comments 👇"
                : "Calling all " + audience + ": would you try this? Tell us in the comments 👇";
        List<String> tags = hashtags(core, "#fyp", "#foryou");
        String body = compose(spec.body(), hook, clean(firstNonEmpty(core.coreMessage(), core.description(), "")),
                List.of(question, clean(core.brandDisclaimer()), String.join(" ", tags)));
        return new VariantText(null, body);
    }

    private static VariantText facebook(Core core) {
        PlatformSpec spec = PlatformSpecs.of(Platform.FACEBOOK_REELS);
        String hook = "This one made our day ❤️ " + clean(core.title());
        String cta = join(" ", sentence(clean(core.callToAction())), "Share this with a friend who would love it!");
        List<String> tags = hashtags(core);
        String body = compose(spec.body(), hook, clean(firstNonEmpty(core.description(), core.coreMessage(), "")),
                List.of(cta, clean(core.brandDisclaimer()), String.join(" ", tags)));
        return new VariantText(null, body);
    }

    /**
     * Joins the hook, the free text and the closing parts (call to action, disclaimer, hashtags) with blank lines.
     * When that is too long only the free text is shortened, at a word boundary with an ellipsis, so the brand's
     * disclaimer and hashtags always survive; only if even the hook does not fit is the whole cut from the end.
     */
    static String compose(TextLimit limit, String hook, String freeText, List<String> closing) {
        String ending = join("\n\n", closing.toArray(String[]::new));
        String full = join("\n\n", hook, freeText, ending);
        if (!limit.exceededBy(full)) {
            return full;
        }
        String prefix = hook.isBlank() ? "" : hook.strip() + "\n\n";
        String shortened = fit(prefix + freeText.strip(), ending.isEmpty() ? "" : "\n\n" + ending, limit);
        if (shortened.startsWith(prefix) && !shortened.startsWith(prefix + ELLIPSIS)) {
            return shortened;
        }
        String withoutFreeText = join("\n\n", hook, ending);
        return limit.exceededBy(withoutFreeText) ? fit(withoutFreeText, "", limit) : withoutFreeText;
    }

    /**
     * The longest prefix of {@code text} ending at a word boundary such that prefix + "…" + {@code suffix} fits;
     * {@code text} + {@code suffix} unchanged when it already fits.
     */
    static String fit(String text, String suffix, TextLimit limit) {
        if (!limit.exceededBy(text + suffix)) {
            return text + suffix;
        }
        int end = text.length();
        while (end > 0) {
            int space = lastSpaceBefore(text, end);
            if (space <= 0) {
                return suffix.isEmpty() ? "" : suffix;
            }
            String candidate = text.substring(0, space).stripTrailing() + ELLIPSIS + suffix;
            if (!limit.exceededBy(candidate)) {
                return candidate;
            }
            end = space;
        }
        return suffix;
    }

    private static int lastSpaceBefore(String text, int end) {
        for (int i = end - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Content and brand hashtags plus the given extras, each once (case-insensitive), in that order. */
    private static List<String> hashtags(Core core, String... extras) {
        Map<String, String> unique = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        all.addAll(extract(core.hashtags()));
        all.addAll(extract(core.brandHashtags()));
        for (String extra : extras) {
            if (extra != null && extra.length() > 1) {
                all.add(extra);
            }
        }
        all.forEach(tag -> unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag));
        return new ArrayList<>(unique.values());
    }

    private static List<String> extract(String text) {
        List<String> tags = new ArrayList<>();
        if (text != null) {
            Matcher matcher = HASHTAG.matcher(text);
            while (matcher.find()) {
                tags.add(matcher.group());
            }
        }
        return tags;
    }

    private static String slug(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }

    private static String sentence(String text) {
        String clean = clean(text);
        if (clean.isEmpty() || ".!?…".indexOf(clean.charAt(clean.length() - 1)) >= 0) {
            return clean;
        }
        return clean + ".";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String withoutAngleBrackets(String text) {
        return text.replace("<", "").replace(">", "");
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return String.join(separator, present);
    }
}
