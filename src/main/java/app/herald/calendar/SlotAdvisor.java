package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import app.herald.platform.Platform;

/**
 * Suggests posting slots per platform. Today the slots are the documented defaults from the product map
 * (YouTube 14:00, 18:00, 20:00 · TikTok 06:00, 10:00, 19:00 · Facebook 13:00, 15:00, 18:00). They were seeded for a
 * US/Eastern audience; Herald reads them as wall-clock times in the audience's own zone (the channel's), because
 * they describe when people watch, not a moment on the Eastern clock. Learned times replace them once analytics
 * has enough data.
 */
@ApplicationScoped
public class SlotAdvisor {

    static final Map<Platform, List<LocalTime>> DEFAULT_SLOTS = Map.of(
            Platform.YOUTUBE_SHORTS, List.of(LocalTime.of(14, 0), LocalTime.of(18, 0), LocalTime.of(20, 0)),
            Platform.TIKTOK, List.of(LocalTime.of(6, 0), LocalTime.of(10, 0), LocalTime.of(19, 0)),
            Platform.FACEBOOK_REELS, List.of(LocalTime.of(13, 0), LocalTime.of(15, 0), LocalTime.of(18, 0)));

    /** Looking further than a year ahead means every day is refused; the platforms allow less anyway. */
    private static final int MAX_DAYS = 400;

    /** A suggested slot and where the suggestion came from. */
    public record Slot(ZonedDateTime at, SlotSource source) {
    }

    public List<LocalTime> slots(Platform platform) {
        return DEFAULT_SLOTS.get(platform);
    }

    /**
     * The first slot of {@code platform} in {@code zone} at or after {@code notBefore} on a day {@code dayAllowed}
     * accepts (blackout dates are refused there).
     */
    public Slot next(Platform platform, ZoneId zone, Instant notBefore, Predicate<LocalDate> dayAllowed) {
        LocalDate day = notBefore.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!dayAllowed.test(day)) {
                continue;
            }
            for (LocalTime time : slots(platform)) {
                ZonedDateTime candidate = WallClock.resolve(day.atTime(time), zone);
                if (!candidate.toInstant().isBefore(notBefore)) {
                    return new Slot(candidate, SlotSource.DOCUMENTED_DEFAULT);
                }
            }
        }
        throw new IllegalStateException("No allowed day for " + platform + " within " + MAX_DAYS + " days");
    }
}
