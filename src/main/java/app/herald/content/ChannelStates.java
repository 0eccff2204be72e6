package app.herald.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where each content item stands on each of its channels, for the content pages; implemented where publications
 * live (calendar), so content needs to know nothing of them.
 */
public interface ChannelStates {

    /** One channel's publication of an item: e.g. "TikTok · Northwind [Sandbox]", "Published", its page. */
    record ChannelState(String channel, String status, String cssName, String link) {
    }

    /** Per content id, its publications in channel order; items without any are absent. */
    Map<Long, List<ChannelState>> of(Collection<Long> contentIds);

    /** Per channel id, when the content is booked there (scheduled, or on its way out). */
    Map<Long, Instant> booked(long contentId);
}
