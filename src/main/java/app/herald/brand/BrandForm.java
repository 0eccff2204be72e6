package app.herald.brand;

import java.time.ZoneId;
import java.util.regex.Pattern;

import app.herald.system.Zones;

/** What the brand form holds; validated here so create and edit refuse the same things the same way. */
public record BrandForm(String name, String voice, String timezone, String defaultDisclaimer, String defaultHashtags,
        String color) {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern HASHTAGS = Pattern.compile("(#[\\p{L}\\p{N}_]+)(\\s+#[\\p{L}\\p{N}_]+)*");

    public static BrandForm empty() {
        return new BrandForm("", "", "America/New_York", "", "", "");
    }

    public static BrandForm of(Brand brand) {
        return new BrandForm(brand.name, orEmpty(brand.voice), brand.timezone, orEmpty(brand.defaultDisclaimer),
                orEmpty(brand.defaultHashtags), orEmpty(brand.color));
    }

    /** Trims every field (null becomes empty) and checks them; throws {@link BrandException} naming the problem. */
    public BrandForm validated() {
        BrandForm form = new BrandForm(trim(name), trim(voice), trim(timezone), trim(defaultDisclaimer),
                trim(defaultHashtags), trim(color));
        if (form.name.isEmpty() || form.name.length() > 120) {
            throw new BrandException("Name is required, at most 120 characters.");
        }
        Zones.require(form.timezone, BrandException::new);
        if (!form.defaultHashtags.isEmpty() && !HASHTAGS.matcher(form.defaultHashtags).matches()) {
            throw new BrandException("Default hashtags must be hashtags separated by spaces, e.g. #brand #outdoors.");
        }
        if (!form.color.isEmpty() && !COLOR.matcher(form.color).matches()) {
            throw new BrandException("Colour must look like #1a2b3c.");
        }
        if (form.voice.length() > 2000 || form.defaultDisclaimer.length() > 1000 || form.defaultHashtags.length() > 500) {
            throw new BrandException("Voice is limited to 2000 characters, the disclaimer to 1000, hashtags to 500.");
        }
        return form;
    }

    void applyTo(Brand brand) {
        brand.name = name;
        brand.voice = blankToNull(voice);
        brand.timezone = ZoneId.of(timezone).getId();
        brand.defaultDisclaimer = blankToNull(defaultDisclaimer);
        brand.defaultHashtags = blankToNull(defaultHashtags);
        brand.color = blankToNull(color);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
