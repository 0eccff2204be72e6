package app.herald.system;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The time zones Herald accepts wherever a user types one (brand, channel, profile): region-based IANA ids, so
 * daylight-saving changes are followed, or UTC; and the list offered as suggestions in zone inputs.
 */
public final class Zones {

    /** Region-based IANA zones, sorted, for the inputs' suggestion lists. */
    public static final List<String> REGIONS = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private Zones() {
    }

    /**
     * The zone {@code id} names if Herald accepts it; otherwise {@code refusal} of a message saying what to type
     * instead, so each feature refuses with its own exception and its own page.
     */
    public static <E extends RuntimeException> ZoneId require(String id, Function<String, E> refusal) {
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            throw refusal.apply("Time zone '" + id + "' is not an IANA zone id such as Europe/Berlin or America/New_York.");
        }
        if (!id.contains("/") && !"UTC".equals(id)) {
            throw refusal.apply("Use a region-based IANA zone such as Europe/Berlin (not an offset like " + id
                    + "), so daylight-saving changes are followed.");
        }
        return zone;
    }
}
