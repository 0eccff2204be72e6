package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.insight.SlotLearning;
import app.herald.insight.SlotScores;
import app.herald.platform.Platform;

/**
 * Suggests posting slots per platform. Today the slots are the documented defaults from the product map
 * (YouTube 14:00, 18:00, 20:00 · TikTok 06:00, 10:00, 19:00 · Facebook 13:00, 15:00, 18:00). They were seeded for a
 * US/Eastern audience; Herald reads them as wall-clock times in the audience's own zone (the channel's), because
 * they describe when people watch, not a moment on the Eastern clock. Once a channel has enough posts with metrics
 * ({@code herald.slots.min-posts}), its own best weekday × hour cells ({@link SlotLearning}) replace them.
 */
@ApplicationScoped
public class SlotAdvisor {

    static final Map<Platform, List<LocalTime>> DEFAULT_SLOTS = Map.of(
            Platform.YOUTUBE_SHORTS, List.of(LocalTime.of(14, 0), LocalTime.of(18, 0), LocalTime.of(20, 0)),
            Platform.TIKTOK, List.of(LocalTime.of(6, 0), LocalTime.of(10, 0), LocalTime.of(19, 0)),
            Platform.FACEBOOK_REELS, List.of(LocalTime.of(13, 0), LocalTime.of(15, 0), LocalTime.of(18, 0)));

    /** Looking further than a year ahead means every day is refused; the platforms allow less anyway. */
    private static final int MAX_DAYS = 400;

    /** Learned slots are looked for within two weeks: each weekday × hour cell comes round twice, so a full day is skipped. */
    private static final int LEARNED_DAYS = 14;

    @Inject
    SlotLearning learning;

    /** A suggested slot, where the suggestion came from and what it was based on (null when nothing to say). */
    public record Slot(ZonedDateTime at, SlotSource source, String note) {
    }

    /** A learnable cell at one moment of the next two weeks. */
    private record Candidate(ZonedDateTime at, SlotScores.Cell cell) {
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
                    return new Slot(candidate, SlotSource.DOCUMENTED_DEFAULT, null);
                }
            }
        }
        throw new IllegalStateException("No allowed day for " + platform + " within " + MAX_DAYS + " days");
    }

    /**
     * The best slot for {@code channelId} at or after {@code notBefore}: the highest-scoring learned cell of the next two
     * weeks whose time {@code slotAllowed} accepts (the schedule rules: daily cap, minimum gap, blackout), on a
     * day {@code dayAllowed} accepts; the documented default while the channel has too few posts or no cell beats its
     * median. The note says which, with the numbers.
     */
    public Slot next(long channelId, Platform platform, ZoneId zone, Instant notBefore, Predicate<LocalDate> dayAllowed,
            Predicate<Instant> slotAllowed) {
        SlotLearning.ChannelSlots history = learning.of(channelId);
        if (!history.learned()) {
            String why = history.posts() < history.minPosts()
                    ? "not enough data yet: " + history.posts() + " of " + history.minPosts() + " posts"
                    : "no engagement recorded yet";
            return withNote(next(platform, zone, notBefore, dayAllowed), "Default slot (" + why + ")");
        }
        List<Candidate> candidates = new ArrayList<>();
        LocalDate day = notBefore.atZone(zone).toLocalDate();
        for (int i = 0; i < LEARNED_DAYS; i++, day = day.plusDays(1)) {
            for (int hour = 0; hour < 24 && dayAllowed.test(day); hour++) {
                ZonedDateTime at = WallClock.resolve(day.atTime(hour, 0), zone);
                history.cell(day.getDayOfWeek(), hour).filter(cell -> cell.score() > 1)
                        .filter(cell -> !at.toInstant().isBefore(notBefore))
                        .ifPresent(cell -> candidates.add(new Candidate(at, cell)));
            }
        }
        // Best score first, the earlier of equals; the rules are asked only until one fits.
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.cell().score()).thenComparing(Candidate::at))
                .filter(candidate -> slotAllowed.test(candidate.at().toInstant())).findFirst()
                .map(best -> new Slot(best.at(), SlotSource.LEARNED, String.format(Locale.ROOT,
                        "Suggested from %d posts, %+d%% vs your median (%s %02d:00: %d post%s)", history.posts(),
                        Math.round(best.cell().uplift() * 100), best.at().getDayOfWeek().getDisplayName(
                                TextStyle.FULL, Locale.ENGLISH), best.cell().hour(),
                        best.cell().posts(), best.cell().posts() == 1 ? "" : "s")))
                .orElseGet(() -> withNote(next(platform, zone, notBefore, dayAllowed),
                        "Default slot (no free hour in the next two weeks beats your median; " + history.posts() + " posts)"));
    }

    private static Slot withNote(Slot slot, String note) {
        return new Slot(slot.at(), slot.source(), note);
    }
}
