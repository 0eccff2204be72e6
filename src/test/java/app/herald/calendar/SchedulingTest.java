package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import app.herald.brand.Brand;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.ContentState;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proposals per sequencing strategy and zone, and every check a (re)schedule must pass. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "ADMIN")
class SchedulingTest {

    private static final String NEW_YORK = "America/New_York";
    private static final String BERLIN = "Europe/Berlin";
    /** 07:00 in New York, 13:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Inject
    SchedulingService scheduling;

    private Map<Platform, Instant> proposals(long contentId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> scheduling.propose(ContentItem.findById(contentId), now).stream()
                .collect(Collectors.toMap(p -> p.channel().platform, p -> p.at().toInstant())));
    }

    private long schedule(long contentId, long channelId, String local, Instant now) {
        return scheduling.schedule(contentId, List.of(new SchedulingService.Choice(channelId, LocalDateTime.parse(local), SlotSource.CHOSEN, null)), now)
                .get(0).id;
    }

    private String refusal(long contentId, long channelId, String local, Instant now) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> schedule(contentId, channelId, local, now));
        assertThat(thrown).isInstanceOf(ScheduleException.class);
        return thrown.getMessage();
    }

    /** A brand with one Sandbox channel per platform in {@code zone} (no caps or gaps in the way). */
    private static Map<Platform, Long> channels(long brand, String zone) {
        return EnumSet.allOf(Platform.class).stream().collect(Collectors.toMap(p -> p,
                p -> CalendarFixture.channel(brand, p, zone, 30, 0, ChannelStatus.ACTIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // lead slot (New York wall clock) + the strategy's offsets
            "VIRAL_FIRST,     2026-11-21T15:00:00Z, 2026-11-21T17:00:00Z, 2026-11-21T19:00:00Z", // TikTok 10:00 EST
            "AUTHORITY_FIRST, 2026-11-21T22:00:00Z, 2026-11-21T20:00:00Z, 2026-11-21T19:00:00Z", // YouTube 14:00 EST
            "BALANCED,        2026-11-21T20:00:00Z, 2026-11-21T21:00:00Z, 2026-11-21T19:00:00Z" }) // YouTube 14:00 EST
    void eachStrategyOffsetsTheOtherPlatformsFromTheLeadSlot(SequencingStrategy strategy, Instant tiktok, Instant facebook,
            Instant youtube) {
        long brand = CalendarFixture.brand(NEW_YORK);
        channels(brand, NEW_YORK);
        long content = CalendarFixture.approvedContent(brand, "Strategy", strategy, EnumSet.allOf(Platform.class), "marketer");

        assertThat(proposals(content, NOW)).containsExactlyInAnyOrderEntriesOf(Map.of(Platform.TIKTOK, tiktok,
                Platform.FACEBOOK_REELS, facebook, Platform.YOUTUBE_SHORTS, youtube));
    }

    @Test
    void theLeadIsTheFirstOfTheContentsOwnPlatformsAndGetsTheOptimalSlot() {
        long brand = CalendarFixture.brand(NEW_YORK);
        channels(brand, NEW_YORK);
        // Authority first without YouTube: Facebook (+1 h) leads, TikTok (+3 h) follows two hours later.
        long content = CalendarFixture.approvedContent(brand, "No YouTube", SequencingStrategy.AUTHORITY_FIRST,
                EnumSet.of(Platform.TIKTOK, Platform.FACEBOOK_REELS), "marketer");

        assertThat(proposals(content, NOW)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Platform.FACEBOOK_REELS, Instant.parse("2026-11-21T18:00:00Z"), // 13:00 EST
                Platform.TIKTOK, Instant.parse("2026-11-21T20:00:00Z")));
    }

    @Test
    void theLeadSlotIsFoundInTheLeadChannelsZoneAndShownInEachChannelsZone() {
        long brand = CalendarFixture.brand(NEW_YORK);
        CalendarFixture.channel(brand, Platform.TIKTOK, BERLIN, 15, 0, ChannelStatus.ACTIVE);
        CalendarFixture.channel(brand, Platform.FACEBOOK_REELS, NEW_YORK, 30, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Zones", SequencingStrategy.VIRAL_FIRST,
                EnumSet.of(Platform.TIKTOK, Platform.FACEBOOK_REELS), "marketer");

        List<SchedulingService.Proposal> proposals = QuarkusTransaction.requiringNew()
                .call(() -> scheduling.propose(ContentItem.findById(content), NOW));

        // 13:00 in Berlin: TikTok's next slot is 19:00 CET (18:00 UTC); Facebook follows 2 h later, 15:00 in New York.
        SchedulingService.Proposal tiktok = proposals.stream().filter(p -> p.channel().platform == Platform.TIKTOK).findFirst().orElseThrow();
        SchedulingService.Proposal facebook = proposals.stream().filter(p -> p.channel().platform == Platform.FACEBOOK_REELS).findFirst().orElseThrow();
        assertThat(tiktok.localValue()).isEqualTo("2026-11-21T19:00");
        assertThat(tiktok.source()).isEqualTo(SlotSource.DOCUMENTED_DEFAULT);
        assertThat(facebook.localValue()).isEqualTo("2026-11-21T15:00");
        assertThat(facebook.at().getZone().getId()).isEqualTo(NEW_YORK);
    }

    @Test
    void proposalsSkipBlackoutDates() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long tiktok = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        blackout(brand, LocalDate.of(2026, 11, 21));
        long content = CalendarFixture.approvedContent(brand, "Blackout", SequencingStrategy.VIRAL_FIRST,
                EnumSet.of(Platform.TIKTOK), "marketer");

        assertThat(proposals(content, NOW).get(Platform.TIKTOK)).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(refusal(content, tiktok, "2026-11-21T19:00", NOW)).contains("2026-11-21 is a blackout date for");
    }

    @Test
    void schedulingStoresUtcAndTheApprovedRevisionAndMovesTheContentToScheduled() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, BERLIN, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Book it");

        long id = schedule(content, channel, "2026-11-25T19:00", NOW);

        Publication publication = CalendarFixture.load(id);
        assertThat(publication.scheduledAt).isEqualTo(Instant.parse("2026-11-25T18:00:00Z"));
        assertThat(publication.revisionId).isEqualTo(CalendarFixture.content(content).approvedRevisionId);
        assertThat(publication.status).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(CalendarFixture.content(content).state).isEqualTo(ContentState.SCHEDULED);
        assertThat(refusal(content, channel, "2026-11-26T19:00", NOW)).contains("already scheduled on");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "America/New_York, 2026-03-08T02:30, 2026-02-20T12:00:00Z, 2026-03-08T07:00:00Z",
            "America/New_York, 2026-11-01T01:30, 2026-10-20T12:00:00Z, 2026-11-01T05:30:00Z",
            "Europe/Berlin,    2026-03-29T02:30, 2026-03-20T12:00:00Z, 2026-03-29T01:00:00Z",
            "Europe/Berlin,    2026-10-25T02:30, 2026-10-20T12:00:00Z, 2026-10-25T00:30:00Z" })
    void daylightSavingEdgesAreResolvedWhenScheduling(String zone, String local, Instant now, Instant stored) {
        long brand = CalendarFixture.brand(zone);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, zone, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "DST");

        assertThat(CalendarFixture.load(schedule(content, channel, local, now)).scheduledAt).isEqualTo(stored);
    }

    @Test
    void inThePastIsRefused() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        assertThat(refusal(CalendarFixture.approvedContent(brand, "Past"), channel, "2026-11-20T10:00", NOW))
                .contains("is in the past");
    }

    @Test
    void outsideThePlatformWindowIsRefused() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long tiktok = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long youtube = CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, NEW_YORK, 100, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Window");

        assertThat(refusal(content, tiktok, "2027-01-15T10:00", NOW))
                .contains("outside TikTok's scheduling window: from 0 minutes to 29 days ahead");
        // YouTube needs 15 minutes' notice: 07:05 in New York is too soon at 07:00.
        assertThat(refusal(content, youtube, "2026-11-21T07:05", NOW)).contains("outside YouTube Shorts's scheduling window");
    }

    @ParameterizedTest
    @EnumSource(value = ChannelStatus.class, names = { "PAUSED", "RECONNECT_NEEDED" })
    void pausedOrDisconnectedChannelsAreRefused(ChannelStatus status) {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, status);
        assertThat(refusal(CalendarFixture.approvedContent(brand, "Status"), channel, "2026-11-22T10:00", NOW))
                .contains(status == ChannelStatus.PAUSED ? "is paused" : "needs reconnecting");
    }

    @Test
    void underTheMinimumGapIsRefusedNamingTheOtherPost() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 96, ChannelStatus.ACTIVE);
        schedule(CalendarFixture.approvedContent(brand, "First post"), channel, "2026-11-22T10:00", NOW);
        long second = CalendarFixture.approvedContent(brand, "Second post");

        assertThat(refusal(second, channel, "2026-11-22T11:00", NOW))
                .contains("Only 60 minutes from 'First post' at Sun 2026-11-22 10:00 EST", "the minimum gap is 96 minutes");
        schedule(second, channel, "2026-11-22T11:36", NOW);
    }

    @Test
    void theDailyCapCountsTheChannelsLocalDayAcrossUtcMidnight() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 2, 0, ChannelStatus.ACTIVE);
        schedule(CalendarFixture.approvedContent(brand, "Morning"), channel, "2026-12-01T10:00", NOW);
        // 23:30 EST on 1 December is 04:30 UTC on 2 December: it still counts for the 1st in New York.
        schedule(CalendarFixture.approvedContent(brand, "Late"), channel, "2026-12-01T23:30", NOW);

        assertThat(refusal(CalendarFixture.approvedContent(brand, "Third"), channel, "2026-12-01T20:00", NOW))
                .contains("already has 2 posts on 2026-12-01 (America/New_York); its daily cap is 2");
        // 00:30 EST on the 2nd shares the UTC day of "Late" but is a new local day.
        schedule(CalendarFixture.approvedContent(brand, "Next day"), channel, "2026-12-02T00:30", NOW);
    }

    @Test
    void contentThatIsNotApprovedIsRefused() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Unapproved");
        CalendarFixture.editAfterApproval(content);

        assertThat(refusal(content, channel, "2026-11-22T10:00", NOW)).contains("is submitted, not approved");
    }

    @Test
    void reschedulingAfterTheApprovedRevisionChangedIsRefused() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, "Changed");
        long id = schedule(content, channel, "2026-11-22T10:00", NOW);
        // Edited and approved again in a new revision: the scheduled revision is no longer the approved one.
        CalendarFixture.editAfterApproval(content);
        QuarkusTransaction.requiringNew().run(() -> {
            ContentItem item = ContentItem.findById(content);
            item.approvedRevisionId = item.currentRevisionId;
            item.state = ContentState.APPROVED;
        });

        assertThatThrownBy(() -> scheduling.reschedule(id, Instant.parse("2026-11-23T15:00:00Z"), NOW))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("was approved again in a new revision");
        CalendarFixture.editAfterApproval(content);
        assertThatThrownBy(() -> scheduling.reschedule(id, Instant.parse("2026-11-23T15:00:00Z"), NOW))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("not approved");
    }

    @Test
    void reschedulingMovesThePublicationAndIgnoresItsOwnOldSlot() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 1, 96, ChannelStatus.ACTIVE);
        long id = schedule(CalendarFixture.approvedContent(brand, "Mover"), channel, "2026-11-22T10:00", NOW);

        scheduling.reschedule(id, Instant.parse("2026-11-22T15:30:00Z"), NOW);

        Publication moved = CalendarFixture.load(id);
        assertThat(moved.scheduledAt).isEqualTo(Instant.parse("2026-11-22T15:30:00Z"));
        assertThat(moved.slotSource).isEqualTo(SlotSource.CHOSEN);
    }

    private static void blackout(long brandId, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> {
            BlackoutDate blackout = new BlackoutDate();
            blackout.brand = Brand.findById(brandId);
            blackout.day = day;
            blackout.reason = "Holiday";
            blackout.persist();
        });
    }
}
