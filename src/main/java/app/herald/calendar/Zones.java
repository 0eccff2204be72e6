package app.herald.calendar;

import java.time.ZoneId;
import java.util.List;

/** Region-based IANA zones offered as suggestions in zone inputs. */
final class Zones {

    static final List<String> REGIONS = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private Zones() {
    }
}
