package app.herald.content;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.channel.Channel;
import app.herald.insight.Forecast;
import app.herald.insight.PostFeatures;
import app.herald.insight.Predictions;

/**
 * Expected 7-day performance of a content item per channel, for the content and schedule pages: the item's own
 * features (strategy, niche, video duration, the platform's caption and its hashtags) at a given time.
 */
@ApplicationScoped
public class ContentForecasts {

    @Inject
    Predictions predictions;

    @Inject
    ChannelStates channelStates;

    /** The forecast for {@code item} posted on {@code channel} at {@code at} (read in the channel's zone). */
    public Forecast at(ContentItem item, Channel channel, Instant at) {
        ZonedDateTime local = at.atZone(channel.zone());
        String caption = item.variant(channel.platform).map(variant -> variant.body).filter(Objects::nonNull)
                .orElse(item.description);
        PostFeatures features = new PostFeatures(channel.platform.name(), channel.id, local.getDayOfWeek(), local.getHour(),
                item.sequencing.name(), item.media == null ? null : item.media.durationSeconds,
                caption == null ? 0 : caption.length(), PostFeatures.hashtagCount(item.hashtags, caption), item.niche);
        return predictions.forecast(item.brand.id, channel.label(), features, Instant.now());
    }

    /**
     * One forecast per channel of the item's platforms, at its booked time there, else at its planned publish time;
     * without either, a forecast that says to pick a time.
     */
    public List<Forecast> forItem(ContentItem item) {
        Map<Long, Instant> booked = channelStates.booked(item.id);
        return Channel.<Channel>list("brand = ?1 order by platform, displayName", item.brand).stream()
                .filter(channel -> item.platformSet().contains(channel.platform))
                .map(channel -> {
                    Instant when = booked.getOrDefault(channel.id, item.plannedPublishAt);
                    return when == null ? Forecast.unavailable(channel.label(), "Set a planned publish time, or open the"
                            + " schedule page, to see the expected views for a time.") : at(item, channel, when);
                }).toList();
    }
}
