package app.herald.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.herald.platform.Platform;

/**
 * The content form as posted: universal core, target platforms, planned time (wall clock in the brand's zone)
 * and per-platform variant texts. Validation lives here so create and edit refuse the same things.
 */
public record ContentForm(Long brandId, String title, String coreMessage, String description, String hashtags,
        String audience, String niche, String callToAction, SequencingStrategy sequencing,
        Set<Platform> platforms, String plannedPublishAt, Map<Platform, String> variantTitles,
        Map<Platform, String> variantBodies) {

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static ContentForm empty(Long brandId) {
        return new ContentForm(brandId, "", "", "", "", "", "", "", SequencingStrategy.BALANCED,
                EnumSet.allOf(Platform.class), "", new EnumMap<>(Platform.class), new EnumMap<>(Platform.class));
    }

    public static ContentForm of(ContentItem item) {
        Map<Platform, String> titles = new EnumMap<>(Platform.class);
        Map<Platform, String> bodies = new EnumMap<>(Platform.class);
        item.variants.forEach(variant -> {
            titles.put(variant.platform, orEmpty(variant.title));
            bodies.put(variant.platform, orEmpty(variant.body));
        });
        String planned = item.plannedPublishAt == null ? ""
                : LOCAL_INPUT.format(item.plannedPublishAt.atZone(ZoneId.of(item.brand.timezone)));
        return new ContentForm(item.brand.id, item.title, orEmpty(item.coreMessage), orEmpty(item.description),
                orEmpty(item.hashtags), orEmpty(item.audience), orEmpty(item.niche), orEmpty(item.callToAction),
                item.sequencing, item.platformSet(), planned, titles, bodies);
    }

    /** Parses posted platform names, ignoring unknown ones. */
    public static Set<Platform> platforms(List<String> names) {
        Set<Platform> chosen = EnumSet.noneOf(Platform.class);
        if (names != null) {
            for (String name : names) {
                for (Platform platform : Platform.values()) {
                    if (platform.name().equals(name)) {
                        chosen.add(platform);
                    }
                }
            }
        }
        return chosen;
    }

    public String variantTitle(Platform platform) {
        return variantTitles.getOrDefault(platform, "");
    }

    public String variantBody(Platform platform) {
        return variantBodies.getOrDefault(platform, "");
    }

    /**
     * The text {@code platform} gets from this form: typed title and body as they are, each empty one written from
     * {@code core} in the platform's style; no title where the platform has none.
     */
    public VariantGenerator.VariantText filledVariant(Platform platform, VariantGenerator.Core core) {
        VariantGenerator.VariantText generated = VariantGenerator.generate(platform, core);
        return new VariantGenerator.VariantText(platform.hasTitle() ? typedOr(variantTitle(platform), generated.title()) : null,
                typedOr(variantBody(platform), generated.body()));
    }

    private static String typedOr(String typed, String generated) {
        return typed == null || typed.isBlank() ? generated : typed;
    }

    public boolean targets(Platform platform) {
        return platforms.contains(platform);
    }

    /** The form's values under the labels the form shows, in its order, for the "changed meanwhile" notice. */
    public Map<String, String> labelled() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Title", title);
        values.put("Core message / script", coreMessage);
        values.put("Description", description);
        values.put("Hashtags", hashtags);
        values.put("Target audience", audience);
        values.put("Niche / category", niche);
        values.put("Call to action", callToAction);
        values.put("Sequencing strategy", sequencing == null ? null : sequencing.label());
        values.put("Planned publish time", plannedPublishAt);
        values.put("Target platforms", platforms.stream().map(Platform::label).collect(Collectors.joining(", ")));
        for (Platform platform : Platform.values()) {
            if (platform.hasTitle()) {
                values.put(platform.label() + " title", variantTitle(platform));
            }
            values.put(platform.label() + " " + platform.textLabel().toLowerCase(), variantBody(platform));
        }
        return values;
    }

    public void validate() {
        if (brandId == null) {
            throw new ContentException("Choose a brand.");
        }
        if (title == null || title.isBlank()) {
            throw new ContentException("Title is required.");
        }
        if (title.strip().length() > 200) {
            throw new ContentException("Title is " + title.strip().length() + " characters; at most 200 are allowed.");
        }
        if (platforms.isEmpty()) {
            throw new ContentException("Choose at least one target platform.");
        }
        if (hashtags != null && hashtags.length() > 500) {
            throw new ContentException("Hashtags are limited to 500 characters.");
        }
        if (audience != null && audience.length() > 300 || callToAction != null && callToAction.length() > 300
                || niche != null && niche.length() > 120) {
            throw new ContentException("Audience and call to action are limited to 300 characters, niche to 120.");
        }
    }

    /**
     * The planned time as an instant, reading the wall-clock value in {@code zone}; a time that does not exist
     * (spring forward) moves to the next valid one, an ambiguous one (fall back) takes the earlier instant.
     */
    Instant plannedInstant(ZoneId zone) {
        if (plannedPublishAt == null || plannedPublishAt.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.ofLocal(LocalDateTime.parse(plannedPublishAt.strip(), LOCAL_INPUT), zone, null).toInstant();
        } catch (DateTimeException e) {
            throw new ContentException("Planned publish time '" + plannedPublishAt + "' is not a date and time"
                    + " like 2026-12-01T14:00.");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
