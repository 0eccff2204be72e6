package app.herald.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the month view with 5 000 publications in the month, rendered by the server and fetched over HTTP.
 * Excluded from the normal suite; run with {@code mvn verify -Dgroups=benchmark -DexcludedGroups=}.
 */
@QuarkusTest
@Tag("benchmark")
class CalendarMonthBenchmarkTest {

    private static final int PUBLICATIONS = 5_000;
    private static final int WARMUP = 10;
    private static final int RUNS = 30;

    @Test
    void monthViewWithFiveThousandPublicationsRendersUnder300MsMedian() {
        long brand = CalendarFixture.brand("UTC");
        long[] channels = { CalendarFixture.channel(brand, Platform.TIKTOK, "UTC", 15, 0, ChannelStatus.ACTIVE),
                CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, "UTC", 100, 0, ChannelStatus.ACTIVE),
                CalendarFixture.channel(brand, Platform.FACEBOOK_REELS, "UTC", 30, 0, ChannelStatus.ACTIVE) };
        seed(brand, channels);
        CalendarFixture.Member member = CalendarFixture.member(brand, Role.MANAGER);
        CalendarFixture.setZone(member, "UTC");
        String month = "/calendar?view=month&date=2027-03-01";

        assertThat(member.session().page(month).select(".cal-item")).hasSize(PUBLICATIONS);
        for (int i = 0; i < WARMUP; i++) {
            member.session().get(month);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Response response = member.session().get(month);
            response.body().asString();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Collections.sort(millis);
        long median = millis.get(RUNS / 2);
        System.out.printf("BENCHMARK month view, %d publications: median %d ms (min %d, max %d, %d runs)%n",
                PUBLICATIONS, median, millis.get(0), millis.get(RUNS - 1), RUNS);
        assertThat(median).isLessThan(300);
    }

    /** 5 000 approved items, each on one of the channels, spread over March 2027 (UTC) by a fixed stride. */
    private static void seed(long brand, long[] channels) {
        QuarkusTransaction.requiringNew().run(() -> {
            Brand owner = Brand.findById(brand);
            Channel[] targets = Arrays.stream(channels).mapToObj(id -> Channel.<Channel>findById(id)).toArray(Channel[]::new);
            Instant start = Instant.parse("2027-03-01T00:00:00Z");
            for (int i = 1; i <= PUBLICATIONS; i++) {
                ContentItem item = new ContentItem();
                item.brand = owner;
                item.title = "Bench post " + i;
                item.setPlatforms(EnumSet.of(Platform.TIKTOK));
                item.state = ContentState.SCHEDULED;
                item.createdBy = "admin";
                item.createdAt = start;
                item.updatedAt = start;
                item.persist();
                ContentRevision revision = new ContentRevision();
                revision.contentId = item.id;
                revision.number = 1;
                revision.sha256 = "a".repeat(64);
                revision.canonical = item.title;
                revision.createdBy = "admin";
                revision.createdAt = start;
                revision.persist();
                item.currentRevisionId = revision.id;
                item.approvedRevisionId = revision.id;
                Publication publication = new Publication();
                publication.content = item;
                publication.channel = targets[i % targets.length];
                publication.scheduledAt = start.plus(Duration.ofMinutes((i * 7919L) % (31 * 24 * 60)));
                publication.revisionId = revision.id;
                publication.slotSource = SlotSource.CHOSEN;
                publication.createdBy = "admin";
                publication.createdAt = start;
                publication.updatedAt = start;
                publication.persist();
            }
        });
    }
}
