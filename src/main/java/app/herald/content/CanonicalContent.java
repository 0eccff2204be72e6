package app.herald.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The canonical text form of a content item that a revision hash covers: fixed field order, variants by platform,
 * Unicode NFC and \n line ends, so the same content always gives the same SHA-256.
 */
public final class CanonicalContent {

    private CanonicalContent() {
    }

    public static String of(ContentItem item, String mediaChecksum) {
        StringBuilder text = new StringBuilder("herald-content/1\n");
        field(text, "brand", String.valueOf(item.brand.id));
        field(text, "title", item.title);
        field(text, "core_message", item.coreMessage);
        field(text, "description", item.description);
        field(text, "hashtags", item.hashtags);
        field(text, "audience", item.audience);
        field(text, "niche", item.niche);
        field(text, "call_to_action", item.callToAction);
        field(text, "sequencing", item.sequencing == null ? null : item.sequencing.name());
        field(text, "platforms", item.platforms);
        item.variants.stream().sorted(Comparator.comparing(variant -> variant.platform)).forEach(variant -> {
            field(text, "variant." + variant.platform.name() + ".title", variant.title);
            field(text, "variant." + variant.platform.name() + ".body", variant.body);
            // Only when chosen, so the hashes of content without a cover frame stay what they were.
            if (variant.coverMs != null) {
                field(text, "variant." + variant.platform.name() + ".cover_ms", String.valueOf(variant.coverMs));
            }
        });
        field(text, "media.sha256", mediaChecksum);
        return text.toString();
    }

    public static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void field(StringBuilder text, String name, String value) {
        String normalized = value == null ? "" : Normalizer.normalize(value.replace("\r\n", "\n").replace('\r', '\n'),
                Normalizer.Form.NFC);
        // Escaping keeps field boundaries unambiguous whatever the text contains.
        text.append(name).append('=').append(normalized.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }
}
