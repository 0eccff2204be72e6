package app.herald.web;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Where a viewer's display zone comes from when their profile names none (the brands know; the web layer does not
 * import them).
 */
public interface DefaultZones {

    Optional<ZoneId> defaultZone(String username, boolean admin);
}
