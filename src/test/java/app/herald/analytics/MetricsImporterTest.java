package app.herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.SandboxFailureMode;
import app.herald.dispatch.Dispatcher;
import app.herald.dispatch.DispatchFixture;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;

/** The importer on the Sandbox: adoption, the decaying schedule, what it stores and shows, and concurrent importers. */
@QuarkusTest
class MetricsImporterTest {

    @Inject
    MetricsImporter importer;

    @Inject
    MetricsClaims claims;

    @Inject
    Dispatcher dispatcher;

    private static Instant instant(Object value) {
        return value == null ? null : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    private static Instant nextFetch(long publication) {
        return instant(MetricsFixture.single("SELECT next_fetch_at FROM publication_metrics WHERE publication_id = ?1", publication));
    }

    private static void dueNow(long publication, Duration age) {
        MetricsFixture.sql("UPDATE publication_metrics SET next_fetch_at = ?1, published_at = ?2 WHERE publication_id = ?3",
                Instant.now().minusSeconds(1), Instant.now().minus(age), publication);
    }

    @Test
    void aPublishedSandboxVideoIsImportedOnTheDecayingScheduleAndShown() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 20_000);
        for (int round = 0; round < 20 && dispatcher.round("metrics-dispatch") > 0; round++) {
            // Until published.
        }
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.PUBLISHED);
        Instant published = CalendarFixture.load(id).publishedAt;

        importer.run("importer-a");

        // Adopted: counted as posted today, first fetch one step (15 min) after publishing.
        assertThat(nextFetch(id)).isCloseTo(published.plus(Duration.ofMinutes(15)), within(1, java.time.temporal.ChronoUnit.SECONDS));
        LocalDate today = LocalDate.ofInstant(published, ZoneId.of("Europe/Berlin"));
        assertThat(MetricsFixture.single("SELECT posts_published FROM channel_metric_day WHERE channel_id = ?1 AND day = ?2",
                channel, today)).isEqualTo(1);
        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM metric_snapshot WHERE publication_id = ?1", id)).isEqualTo(0L);

        dueNow(id, Duration.ofMinutes(20));
        Instant before = Instant.now();
        importer.run("importer-a");

        assertThat(MetricsFixture.single("SELECT COUNT(*) FROM metric_snapshot WHERE publication_id = ?1", id)).isEqualTo(1L);
        assertThat(MetricsFixture.single("SELECT views IS NOT NULL AND saves IS NULL AND reach IS NULL FROM publication_metrics"
                + " WHERE publication_id = ?1", id)).isIn(1, 1L, true);
        assertThat(nextFetch(id)).isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(instant(MetricsFixture.single("SELECT metrics_as_of FROM channel WHERE id = ?1", channel))).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(MetricsFixture.single("SELECT views FROM channel_metric_day WHERE channel_id = ?1 AND day = ?2",
                channel, LocalDate.ofInstant(Instant.now(), ZoneId.of("Europe/Berlin")))).isNotNull();

        // Older publications are fetched less often; the last fetch falls on day 90, then none.
        for (Object[] step : new Object[][] { { Duration.ofDays(2), Duration.ofHours(1) }, { Duration.ofDays(10), Duration.ofDays(1) },
                { Duration.ofDays(40), Duration.ofDays(7) }, { Duration.ofDays(88), Duration.ofDays(2) } }) {
            dueNow(id, (Duration) step[0]);
            Instant at = Instant.now();
            importer.run("importer-a");
            assertThat(Duration.between(at, nextFetch(id))).as("after a fetch at age %s", step[0])
                    .isBetween(((Duration) step[1]).minusSeconds(5), ((Duration) step[1]).plusSeconds(5));
        }
        dueNow(id, Duration.ofDays(95));
        importer.run("importer-a");
        assertThat(nextFetch(id)).isNull();
        assertThat(MetricsFixture.single("SELECT fetches FROM publication_metrics WHERE publication_id = ?1", id)).isEqualTo(6);

        // The channel page says how fresh the numbers are, with its zone; the publication page shows them, and what
        // YouTube does not give as not available rather than 0.
        var manager = CalendarFixture.member(brand, Role.MANAGER).session();
        assertThat(manager.page("/channels/" + channel).select("dd.metrics-as-of").text()).endsWith("(Europe/Berlin)");
        Document page = manager.page("/calendar/publications/" + id);
        assertThat(page.select("dl.metrics dt:contains(Views) + dd").text()).matches("[0-9,]+");
        assertThat(page.select("dl.metrics dt:contains(Reach) + dd").text()).isEqualTo("not available on YouTube Shorts");
        assertThat(page.select("dl.metrics dt:contains(Saves) + dd").text()).isEqualTo("not available on YouTube Shorts");
        assertThat(page.select("dl.metrics dt:contains(Average % viewed) + dd").text()).endsWith("%");
    }

    @Test
    void aTikTokPublicationShowsWhatTikTokDoesNotGiveAsNotAvailable() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long id = MetricsFixture.published(brand, channel, Instant.now().minus(Duration.ofHours(1)), "sbx-" + UUID.randomUUID());
        claims.adopt(10_000);
        MetricsFixture.sql("UPDATE publication_metrics SET views = 1200, likes = 80, measured_at = ?1 WHERE publication_id = ?2",
                Instant.now(), id);

        Document page = CalendarFixture.member(brand, Role.MARKETER).session().page("/calendar/publications/" + id);

        assertThat(page.select("dl.metrics dt:contains(Views) + dd").text()).isEqualTo("1,200");
        assertThat(page.select("dl.metrics dt:contains(Watch time) + dd").text()).isEqualTo("not available on TikTok");
        assertThat(page.select("dl.metrics dt:contains(Reach) + dd").text()).isEqualTo("not available on TikTok");
    }

    @Test
    void twoImportersNeverFetchTheSameRow() throws Exception {
        long brand = DispatchFixture.brand();
        List<Long> ids = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            long channel = DispatchFixture.sandboxChannel(brand, platform, SandboxFailureMode.NONE);
            for (int i = 0; i < 12; i++) {
                // Videos the Sandbox does not hold: each fetch records its note, so every fetch leaves a trace.
                ids.add(MetricsFixture.published(brand, channel, Instant.now().minus(Duration.ofHours(1)), "sbx-" + UUID.randomUUID()));
            }
        }
        claims.adopt(10_000);
        for (long id : ids) {
            dueNow(id, Duration.ofHours(1));
        }

        // Two claims at the same moment: disjoint.
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<MetricsClaims.Due>> one = CompletableFuture.supplyAsync(() -> {
            await(start);
            return claims.claim("claimer-1", Instant.now(), 15);
        });
        CompletableFuture<List<MetricsClaims.Due>> two = CompletableFuture.supplyAsync(() -> {
            await(start);
            return claims.claim("claimer-2", Instant.now(), 15);
        });
        start.countDown();
        Set<Long> first = new HashSet<>(one.get().stream().map(MetricsClaims.Due::publicationId).toList());
        Set<Long> second = new HashSet<>(two.get().stream().map(MetricsClaims.Due::publicationId).toList());
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);

        // Two whole importers racing (the claims above given up): each of the rows is fetched exactly once.
        for (long id : ids) {
            dueNow(id, Duration.ofHours(1));
            MetricsFixture.sql("UPDATE publication_metrics SET claimed_by = NULL, lease_until = NULL WHERE publication_id = ?1", id);
        }
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> {
            await(go);
            return importer.run("importer-1");
        });
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
            await(go);
            return importer.run("importer-2");
        });
        go.countDown();
        assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(ids.size());
        for (long id : ids) {
            assertThat(MetricsFixture.single("SELECT fetches FROM publication_metrics WHERE publication_id = ?1", id))
                    .as("fetches of %d", id).isEqualTo(1);
            assertThat((String) MetricsFixture.single("SELECT last_error FROM publication_metrics WHERE publication_id = ?1", id))
                    .contains("gave no metrics for video sbx-");
            assertThat(MetricsFixture.single("SELECT claimed_by FROM publication_metrics WHERE publication_id = ?1", id)).isNull();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
