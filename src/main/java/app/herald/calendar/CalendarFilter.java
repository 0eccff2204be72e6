package app.herald.calendar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.herald.platform.Platform;

/** The calendar's filters as chosen in the query string; unknown values are ignored rather than refused. */
public record CalendarFilter(Long brand, Long channel, Platform platform, PublicationStatus status) {

    /** Everything: no filter chosen. */
    public static final CalendarFilter NONE = new CalendarFilter(null, null, null, null);

    public static CalendarFilter parse(Long brand, Long channel, String platform, String status) {
        return new CalendarFilter(brand, channel, parse(Platform.class, platform), parse(PublicationStatus.class, status));
    }

    /** The filters as query parameters (leading {@code &}) for the navigation links, so paging keeps them. */
    public String query() {
        List<String> parts = new ArrayList<>();
        if (brand != null) {
            parts.add("brand=" + brand);
        }
        if (channel != null) {
            parts.add("channel=" + channel);
        }
        if (platform != null) {
            parts.add("platform=" + platform.name());
        }
        if (status != null) {
            parts.add("status=" + status.name());
        }
        return parts.stream().map(part -> "&" + URLEncoder.encode(part, StandardCharsets.UTF_8).replace("%3D", "="))
                .reduce("", String::concat);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
