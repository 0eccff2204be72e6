package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The zones brand, channel and profile forms accept, and the messages they refuse the others with. */
class ZonesTest {

    /** Stands for a feature's own refusal type. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC" })
    void regionZonesAndUtcAreAccepted(String id) {
        assertThat(Zones.require(id, Refused::new)).isEqualTo(ZoneId.of(id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mars/Olympus | Time zone 'Mars/Olympus' is not an IANA zone id such as Europe/Berlin or America/New_York.",
            "'' | Time zone '' is not an IANA zone id such as Europe/Berlin or America/New_York.",
            "+02:00 | Use a region-based IANA zone such as Europe/Berlin (not an offset like +02:00), so daylight-saving",
            "GMT+2 | not an offset like GMT+2" })
    void otherZonesAreRefusedWithTheFeaturesOwnExceptionSayingWhatToType(String id, String message) {
        assertThatThrownBy(() -> Zones.require(id, Refused::new)).isInstanceOf(Refused.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Europe/Berlin", "America/Argentina/Buenos_Aires", "Pacific/Auckland" })
    void theSuggestionsAreSortedRegionZones(String id) {
        assertThat(Zones.REGIONS).contains(id).isSorted().noneMatch(zone -> zone.startsWith("Etc/") || !zone.contains("/"));
    }
}
