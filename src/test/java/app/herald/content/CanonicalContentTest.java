package app.herald.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.herald.brand.Brand;
import app.herald.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalContentTest {

    private static ContentItem item(String title, String description, String tiktokCaption) {
        Brand brand = new Brand();
        brand.id = 7L;
        ContentItem item = new ContentItem();
        item.brand = brand;
        item.title = title;
        item.description = description;
        item.platforms = "TIKTOK";
        ContentVariant variant = new ContentVariant();
        variant.platform = Platform.TIKTOK;
        variant.body = tiktokCaption;
        item.variants = List.of(variant);
        return item;
    }

    private static String hash(ContentItem item) {
        return CanonicalContent.sha256(CanonicalContent.of(item, null));
    }

    @Test
    void sameContentSameHashAndItIsSha256Hex() {
        String first = hash(item("Trail tips", "Pack light", "Go!"));
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(hash(item("Trail tips", "Pack light", "Go!")));
    }

    @Test
    void anyTextChangeChangesTheHash() {
        String base = hash(item("Trail tips", "Pack light", "Go!"));
        assertThat(hash(item("Trail tips!", "Pack light", "Go!"))).isNotEqualTo(base);
        assertThat(hash(item("Trail tips", "Pack light", "Go!!"))).isNotEqualTo(base);
    }

    @Test
    void unicodeFormAndLineEndingsDoNotChangeTheHash() {
        String composed = hash(item("Crème", "line one\nline two", "x"));
        String decomposed = hash(item("Cre\u0300me", "line one\r\nline two", "x"));
        assertThat(decomposed).isEqualTo(composed);
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertThat(hash(item("ab", "c", "x"))).isNotEqualTo(hash(item("a", "bc", "x")));
        assertThat(hash(item("a\ndescription=b", "", "x"))).isNotEqualTo(hash(item("a", "b", "x")));
    }

    @Test
    void mediaChecksumIsCovered() {
        ContentItem item = item("t", "d", "c");
        assertThat(CanonicalContent.sha256(CanonicalContent.of(item, "aaa")))
                .isNotEqualTo(CanonicalContent.sha256(CanonicalContent.of(item, "bbb")));
    }
}
