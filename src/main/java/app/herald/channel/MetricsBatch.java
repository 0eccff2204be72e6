package app.herald.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one metrics fetch brought back: the counters of each video the platform answered for (an id it no longer shows,
 * deleted or private, is absent) and the metrics it refused or has retired, named with the platform's reason; those
 * stay null in every video's counters.
 */
public record MetricsBatch(Map<String, VideoMetrics> videos, List<String> dropped) {

    public MetricsBatch {
        videos = Map.copyOf(videos);
        dropped = List.copyOf(dropped);
    }

    /** {@code ids} cut into consecutive slices of at most {@code size}: the most one platform call takes. */
    public static List<List<String>> slices(List<String> ids, int size) {
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return slices;
    }
}
