package app.herald.insight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.calendar.SchedulingService;
import app.herald.calendar.SlotSource;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Slots learned from a channel's own history: the threshold, a planted best hour, and the schedule rules. */
@QuarkusTest
class LearnedSlotsTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Inject
    SchedulingService scheduling;

    @Inject
    SlotLearning learning;

    private record Setup(long brand, long channel, long content) {
    }

    /** A TikTok channel in New York with {@code planted} posts on Wednesdays at 09:00 (twice the engagement) and others. */
    private static Setup setup(int planted, int others, int dailyCap) {
        long brand = CalendarFixture.brand("America/New_York");
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", dailyCap, 0, ChannelStatus.ACTIVE);
        ZonedDateTime lastWednesday = ZonedDateTime.now(ZONE).minusWeeks(1).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY))
                .with(LocalTime.of(9, 0));
        List<InsightFixture.Post> posts = new ArrayList<>();
        for (int i = 0; i < planted; i++) {
            posts.add(InsightFixture.Post.of(lastWednesday.minusWeeks(i).toInstant(), 1000, 100L));
        }
        for (int i = 0; i < others; i++) {
            // Thursdays to Sundays at 13:00-16:00: engagement exactly at the median (5%).
            posts.add(InsightFixture.Post.of(lastWednesday.minusWeeks(i / 4).plusDays(1 + i % 4).withHour(13 + i % 4)
                    .toInstant(), 2000, 100L));
        }
        InsightFixture.posts(brand, channel, "TIKTOK", posts);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Learned"), SequencingStrategy.BALANCED,
                EnumSet.of(Platform.TIKTOK), "marketer");
        return new Setup(brand, channel, content);
    }

    private static ZonedDateTime nextWednesdayNine(Instant from) {
        ZonedDateTime earliest = from.plus(PlatformSpecs.of(Platform.TIKTOK).earliestSchedule()).plus(Duration.ofMinutes(1))
                .atZone(ZONE);
        ZonedDateTime candidate = earliest.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).with(LocalTime.of(9, 0));
        return candidate.isBefore(earliest) ? candidate.plusWeeks(1) : candidate;
    }

    private SchedulingService.Proposal propose(long content, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> scheduling.propose(ContentItem.findById(content), now)).get(0);
    }

    @Test
    void belowTheThresholdTheDefaultsAreUsedAndThePageSaysWhy() {
        Setup setup = setup(3, 4, 15);
        CalendarFixture.Member marketer = CalendarFixture.member(setup.brand(), Role.MARKETER);

        Document page = marketer.session().page("/calendar/schedule/" + setup.content());

        assertThat(page.select(".slot-note").text()).isEqualTo("Default slot (not enough data yet: 7 of 20 posts)");
        assertThat(page.text()).contains("TikTok default 06:00, 10:00, 19:00");
        LocalTime proposed = LocalDateTime.parse(page.select("#at-" + setup.channel()).val()).toLocalTime();
        assertThat(proposed).isIn(LocalTime.of(6, 0), LocalTime.of(10, 0), LocalTime.of(19, 0));
    }

    @Test
    void aPlantedBestHourIsProposedWithThePostCountAndUpliftOnTheScheduleAndCalendarPages() {
        Setup setup = setup(10, 32, 15);
        CalendarFixture.Member marketer = CalendarFixture.member(setup.brand(), Role.MARKETER);
        String expected = nextWednesdayNine(Instant.now()).toLocalDateTime().toString();

        Document page = marketer.session().page("/calendar/schedule/" + setup.content());

        assertThat(page.select("#at-" + setup.channel()).val()).isEqualTo(expected);
        // Cell score (10 × 2 + 5 × 1) / (10 + 5) = 1.667: +67% over the median after shrinkage (raw +100%).
        assertThat(page.select(".slot-note").text())
                .isEqualTo("Suggested from 42 posts, +67% vs your median (Wednesday 09:00: 10 posts)");

        marketer.session().submit("/calendar/schedule/" + setup.content(), "/calendar/schedule/" + setup.content(),
                Map.of("channelId", setup.channel(), "at", expected, "include", setup.channel()));

        Document calendar = marketer.session().page("/calendar?view=week&date=" + expected.substring(0, 10));
        assertThat(calendar.select(".cal-item").attr("title"))
                .contains("Suggested from 42 posts, +67% vs your median (Wednesday 09:00: 10 posts)");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Publication.<Publication>find("content.id", setup.content())
                .firstResult().slotSource))
                .isEqualTo(SlotSource.LEARNED);
    }

    @Test
    void aLearnedSlotSkipsADayWhoseDailyCapIsReached() {
        Setup setup = setup(10, 32, 1);
        Instant now = Instant.now();
        ZonedDateTime best = nextWednesdayNine(now);
        CalendarFixture.publication(CalendarFixture.approvedContent(setup.brand(), "Already there"), setup.channel(),
                best.withHour(15).toInstant(), PublicationStatus.SCHEDULED);

        SchedulingService.Proposal proposal = propose(setup.content(), now);

        assertThat(proposal.at()).isEqualTo(best.plusWeeks(1));
        assertThat(proposal.source()).isEqualTo(SlotSource.LEARNED);
        assertThat(proposal.conflicts()).isEmpty();
    }

    @Test
    void aLearnedSlotKeepsTheMinimumGap() {
        Setup setup = setup(10, 32, 15);
        Instant now = Instant.now();
        ZonedDateTime best = nextWednesdayNine(now);
        QuarkusTransaction.requiringNew().run(() -> {
            Channel channel = Channel.findById(setup.channel());
            channel.minGapMinutes = 120;
        });
        CalendarFixture.publication(CalendarFixture.approvedContent(setup.brand(), "Close by"), setup.channel(),
                best.plusMinutes(30).toInstant(), PublicationStatus.SCHEDULED);

        SchedulingService.Proposal proposal = propose(setup.content(), now);

        assertThat(proposal.at()).isEqualTo(best.plusWeeks(1));
        assertThat(proposal.conflicts()).isEmpty();
    }

    @Test
    void theCacheAnswersASuggestionWithoutReadingTheHistoryAgain() {
        Setup setup = setup(10, 32, 15);
        SlotLearning.ChannelSlots first = learning.of(setup.channel());
        InsightFixture.posts(setup.brand(), setup.channel(), "TIKTOK",
                List.of(InsightFixture.Post.of(Instant.now().minus(Duration.ofDays(3)), 100, 50L)));

        assertThat(learning.of(setup.channel())).isSameAs(first);
        assertThat(learning.compute(setup.channel()).posts()).isEqualTo(43);
    }
}
