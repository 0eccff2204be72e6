package app.herald.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.audit.AuditEntry;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CoverState;
import app.herald.calendar.Notification;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.channel.SandboxFailureMode;
import app.herald.channel.sandbox.SandboxConnector;
import app.herald.content.ContentState;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The dispatcher on the Sandbox platform: exactly once, resumable, reconciled, paused per channel, never late. */
@QuarkusTest
class DispatcherTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxConnector sandbox;

    @AfterEach
    void noHook() {
        DispatchFixture.hook = null;
    }

    private static Publication load(long id) {
        return CalendarFixture.load(id);
    }

    /** Rounds as {@code name} until none of {@code ids} can go further now. */
    private void dispatchUntilSettled(String name) {
        for (int round = 0; round < 50 && dispatcher.round(name) > 0; round++) {
            // Each round claims afresh.
        }
    }

    private List<String> videos(long publicationId) {
        return sandbox.videosFor(PublicationDispatch.marker(load(publicationId)));
    }

    @Test
    void aDuePublicationIsUploadedInChunksPublishedOnceAndItsContentIsPublished() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 200_000);

        dispatchUntilSettled("test-a");

        Publication publication = load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.platformVideoId).startsWith("sbx-");
        assertThat(publication.platformUrl).isEqualTo("/sandbox/videos/" + publication.platformVideoId);
        assertThat(publication.uploadOffset).isEqualTo(200_000);
        assertThat(publication.claimedBy).isNull();
        assertThat(videos(id)).containsExactly(publication.platformVideoId);
        assertThat(CalendarFixture.content(publication.content.id).state).isEqualTo(ContentState.PUBLISHED);
        app.herald.web.WebSession manager = CalendarFixture.member(brand, Role.MANAGER).session();
        assertThat(manager.page("/content").select("tr:contains(" + publication.content.title + ") .channel-states").text())
                .isEqualTo(publication.channel.label() + ": Published");
        assertThat(manager.page("/content/" + publication.content.id).select(".channel-states a").attr("href"))
                .isEqualTo("/calendar/publications/" + id);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        // 200 000 bytes in 64 KiB chunks: four sends between the session and the finish.
        assertThat(attempts).extracting(attempt -> attempt.step).containsExactly(PublicationAttempt.Step.START,
                PublicationAttempt.Step.SEND, PublicationAttempt.Step.SEND, PublicationAttempt.Step.SEND,
                PublicationAttempt.Step.SEND, PublicationAttempt.Step.FINISH, PublicationAttempt.Step.STATUS);
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.outcome).isEqualTo("OK"));
        List<AuditEntry> moves = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = ?1 and subjectId = ?2 order by id", "PUBLICATION", id));
        assertThat(moves).extracting(entry -> entry.toState).containsExactly("CLAIMED", "UPLOADING", "PROCESSING", "PUBLISHED");
        assertThat(moves).allSatisfy(entry -> assertThat(entry.revisionHash).isEqualTo("a".repeat(64)));
    }

    @Test
    void thePublishedSandboxVideoPlaysAtItsWatchUrlForTheBrandOnly() throws Exception {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 50_000);
        dispatchUntilSettled("test-w");
        String url = load(id).platformUrl;

        io.restassured.response.Response watched = CalendarFixture.member(brand, Role.MARKETER).session().get(url);
        assertThat(watched.statusCode()).isEqualTo(200);
        assertThat(watched.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(watched.header("Content-Disposition")).isEqualTo("inline");
        assertThat(watched.asByteArray()).isEqualTo(Files.readAllBytes(DispatchFixture.videoFile(id)));

        long otherBrand = DispatchFixture.brand();
        assertThat(CalendarFixture.member(otherBrand, Role.MARKETER).session().get(url).statusCode()).isEqualTo(404);
        assertThat(CalendarFixture.member(brand, Role.MARKETER).session()
                .get("/sandbox/videos/sbx-00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(CalendarFixture.member(brand, Role.MARKETER).session().get("/sandbox/videos/..%2F..%2Fetc").statusCode())
                .isEqualTo(404);
    }

    @Test
    void fourDispatchersOverFiveHundredDuePublicationsPublishEachExactlyOnce() throws Exception {
        long brand = DispatchFixture.brand();
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            long channel = DispatchFixture.sandboxChannel(brand, Platform.values()[c % 3], SandboxFailureMode.NONE);
            for (int p = 0; p < 10; p++) {
                ids.add(DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(60 - p), 3_000));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            String name = "dispatcher-" + d;
            Callable<Integer> loop = () -> {
                int claimed = 0;
                for (int round = 0; round < 500; round++) {
                    int now = dispatcher.round(name);
                    claimed += now;
                    if (now == 0 && ids.stream().allMatch(id -> load(id).status.isFinal())) {
                        break;
                    }
                }
                return claimed;
            };
            runs.add(pool.submit(loop));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(ids).allSatisfy(id -> {
            assertThat(load(id).status).as("publication %s", id).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(videos(id)).as("Sandbox videos of publication %s", id).hasSize(1);
        });
        long distinctWorkers = QuarkusTransaction.requiringNew().call(() -> (Long) PublicationAttempt.getEntityManager()
                .createQuery("select count(distinct a.instance) from PublicationAttempt a where a.publicationId in ?1")
                .setParameter(1, ids).getSingleResult());
        assertThat(distinctWorkers).as("the work was shared").isGreaterThan(1);
    }

    @Test
    void oneContentOnThreeChannelsDispatchedAtOnceEndsPublishedEverywhere() throws Exception {
        long brand = DispatchFixture.brand();
        List<Long> ids = new ArrayList<>();
        long first = DispatchFixture.duePublication(brand,
                DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.NONE), Instant.now().minusSeconds(5), 5_000);
        ids.add(first);
        long content = load(first).content.id;
        for (Platform platform : List.of(Platform.TIKTOK, Platform.FACEBOOK_REELS)) {
            ids.add(CalendarFixture.publication(content, DispatchFixture.sandboxChannel(brand, platform, SandboxFailureMode.NONE),
                    Instant.now().minusSeconds(5), PublicationStatus.SCHEDULED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> runs = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            String name = "parallel-" + d;
            runs.add(pool.submit(() -> dispatchUntilSettled(name)));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        dispatchUntilSettled("parallel-last");

        assertThat(ids).allSatisfy(id -> assertThat(load(id).status).isEqualTo(PublicationStatus.PUBLISHED));
        assertThat(CalendarFixture.content(content).state).isEqualTo(ContentState.PUBLISHED);
    }

    @Test
    void aWorkerKilledRightAfterStoringAHandleIsTakenOverAfterItsLeaseWithoutASecondUpload() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 150_000);
        AtomicBoolean killed = new AtomicBoolean();
        DispatchFixture.hook = step -> {
            if (step.publicationId() == id && step.status() == PublicationStatus.UPLOADING && killed.compareAndSet(false, true)) {
                throw new DispatchFixture.Killed();
            }
        };

        dispatcher.round("doomed");
        Publication stopped = load(id);
        assertThat(stopped.status).isEqualTo(PublicationStatus.UPLOADING);
        assertThat(stopped.uploadRef).as("the session handle was stored before the worker died").startsWith("sess-");
        assertThat(stopped.claimedBy).isEqualTo("doomed");

        dispatcher.round("rescuer");
        assertThat(load(id).status).as("not taken while the lease holds").isEqualTo(PublicationStatus.UPLOADING);

        expireLeases(id, channel);
        dispatchUntilSettled("rescuer");

        Publication done = load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.uploadRef).as("resumed in the same session").isEqualTo(stopped.uploadRef);
        assertThat(videos(id)).hasSize(1);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.START).hasSize(1);
        assertThat(attempts).filteredOn(attempt -> attempt.instance.equals("rescuer")).isNotEmpty();
    }

    @Test
    void aWorkerKilledWhileSettingTheCoverIsFollowedByOneSendingItAgainAndSayingSoWithoutASecondUpload() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 150_000);
        DispatchFixture.coverFrame(id, 2_000);
        AtomicBoolean killed = new AtomicBoolean();
        DispatchFixture.hook = step -> {
            if (step.publicationId() == id && !killed.get() && load(id).coverState == CoverState.SENDING) {
                killed.set(true);
                throw new DispatchFixture.Killed();
            }
        };

        dispatcher.round("doomed");
        Publication stopped = load(id);
        assertThat(stopped.coverState).as("committed before the call").isEqualTo(CoverState.SENDING);
        assertThat(stopped.platformVideoId).as("the video is on the platform").isNotNull();

        expireLeases(id, channel);
        dispatchUntilSettled("rescuer");

        Publication done = load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.coverState).isEqualTo(CoverState.SET);
        assertThat(done.coverNote).isEqualTo("Sent again: Herald stopped while sending it before. Sandbox recorded the"
                + " frame at 2 s as the cover of " + done.platformVideoId + ".");
        assertThat(videos(id)).hasSize(1);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.START).hasSize(1);
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.COVER)
                .extracting(attempt -> attempt.instance + ":" + attempt.outcome).containsExactly("rescuer:OK");
    }

    @Test
    void aTimeoutAfterTheFinalBytesIsReconciledByLookupWithoutASecondUpload() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.FACEBOOK_REELS, SandboxFailureMode.TIMEOUT_AFTER_FINAL_BYTES);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 70_000);

        dispatchUntilSettled("test-u");

        Publication publication = load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(videos(id)).containsExactly(publication.platformVideoId);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).extracting(attempt -> attempt.step + ":" + attempt.outcome)
                .contains("FINISH:UNKNOWN_OUTCOME", "LOOKUP:OK").doesNotContain("START:UNKNOWN_OUTCOME");
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.START).hasSize(1);
        String moves = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = ?1 and subjectId = ?2 order by id", "PUBLICATION", id).stream()
                .map(entry -> entry.toState).toList().toString());
        assertThat(moves).contains("UNCONFIRMED");
    }

    @Test
    void whenLookupFindsNothingThePublicationIsSentAgainOnce() throws Exception {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.TIMEOUT_AFTER_FINAL_BYTES);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 70_000);
        Path sandboxRoot = Path.of("target", "test-data", "sandbox");
        DispatchFixture.hook = step -> {
            if (step.publicationId() == id && step.status() == PublicationStatus.UNCONFIRMED) {
                // The platform lost the post: no video, no session.
                videos(id).forEach(video -> deleteTree(sandboxRoot.resolve("videos").resolve(video)));
                deleteTree(sandboxRoot.resolve("sessions").resolve(load(id).uploadRef));
            }
        };

        dispatchUntilSettled("test-r");

        Publication publication = load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.resends).isEqualTo(1);
        assertThat(videos(id)).hasSize(1);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).filteredOn(attempt -> attempt.step == PublicationAttempt.Step.START).hasSize(2);
    }

    @Test
    void aRateLimitedChannelPausesWhileAnotherChannelsPublicationGoes() {
        long brand = DispatchFixture.brand();
        long limited = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.RATE_LIMITED);
        long open = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long waiting = DispatchFixture.duePublication(brand, limited, Instant.now().minusSeconds(10), 10_000);
        long secondOnLimited = DispatchFixture.duePublication(brand, limited, Instant.now().minusSeconds(9), 10_000);
        long going = DispatchFixture.duePublication(brand, open, Instant.now().minusSeconds(5), 10_000);

        dispatchUntilSettled("test-l");

        Publication paused = load(waiting);
        assertThat(paused.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(paused.failureReason).contains("Rate-limited by the platform until");
        assertThat(paused.nextAttemptAt).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        Channel channel = QuarkusTransaction.requiringNew().call(() -> Channel.findById(limited));
        assertThat(channel.pausedUntil).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(load(secondOnLimited).status).as("the paused channel is not claimed").isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(load(going).status).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aSlotThatPassedWhileTheAppWasDownIsMissedNotPublishedAndTheOwnerIsTold() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minus(Duration.ofMinutes(45)), 10_000);

        dispatchUntilSettled("test-m");

        Publication publication = load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.MISSED);
        assertThat(publication.failureReason).contains("never published late");
        assertThat(videos(id)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.latestFor("marketer")))
                .anySatisfy(notification -> {
                    assertThat(notification.message).contains(publication.content.title).contains("missed its slot");
                    assertThat(notification.link).isEqualTo("/calendar/publications/" + id);
                });
    }

    @Test
    void aMissingVideoFileFailsNamingTheFileAndLeavesOtherPublicationsAlone() throws Exception {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long other = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long broken = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 10_000);
        long fine = DispatchFixture.duePublication(brand, other, Instant.now().minusSeconds(5), 10_000);
        Path file = DispatchFixture.videoFile(broken);
        Files.delete(file);

        dispatchUntilSettled("test-f");

        Publication failed = load(broken);
        assertThat(failed.status).isEqualTo(PublicationStatus.FAILED);
        assertThat(failed.failureReason).contains(file.getFileName().toString()).contains("missing or cannot be read");
        assertThat(videos(broken)).isEmpty();
        assertThat(load(fine).status).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void contentEditedAfterApprovalNeedsRescheduleAndIsNotSent() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 10_000);
        CalendarFixture.editAfterApproval(load(id).content.id);

        dispatchUntilSettled("test-e");

        Publication publication = load(id);
        assertThat(publication.status).isEqualTo(PublicationStatus.NEEDS_RESCHEDULE);
        assertThat(publication.failureReason).contains("edited after approval");
        assertThat(videos(id)).isEmpty();
    }

    @Test
    void aPausedOrDisconnectedChannelIsNotClaimed() {
        long brand = DispatchFixture.brand();
        long paused = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.NONE);
        long revoked = DispatchFixture.sandboxChannel(brand, Platform.FACEBOOK_REELS, SandboxFailureMode.REVOKED_TOKEN);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(paused).status = ChannelStatus.PAUSED);
        long onPaused = DispatchFixture.duePublication(brand, paused, Instant.now().minusSeconds(5), 10_000);
        long onRevoked = DispatchFixture.duePublication(brand, revoked, Instant.now().minusSeconds(5), 10_000);
        long laterOnRevoked = DispatchFixture.duePublication(brand, revoked, Instant.now().minusSeconds(4), 10_000);

        dispatchUntilSettled("test-p");

        assertThat(load(onPaused).status).isEqualTo(PublicationStatus.SCHEDULED);
        Publication waiting = load(onRevoked);
        assertThat(waiting.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(waiting.failureReason).contains("reconnect");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(revoked).status))
                .isEqualTo(ChannelStatus.RECONNECT_NEEDED);
        assertThat(load(laterOnRevoked).status).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.latestFor("marketer")))
                .anySatisfy(notification -> assertThat(notification.message).contains("needs reconnecting"));
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndThePostGoesThrough() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.YOUTUBE_SHORTS, SandboxFailureMode.EXPIRED_TOKEN);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 10_000);

        dispatchUntilSettled("test-t");

        assertThat(load(id).status).isEqualTo(PublicationStatus.PUBLISHED);
        List<PublicationAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> PublicationAttempt.listFor(id));
        assertThat(attempts).extracting(attempt -> attempt.step + ":" + attempt.outcome)
                .startsWith("START:AUTH", "REFRESH:OK", "START:OK");
        assertThat(attempts.get(0).httpStatus).isEqualTo(401);
        assertThat(attempts.get(0).message).contains("expired");
    }

    @Test
    void aServerErrorIsRetriedFromTheStoredHandleAfterABackOff() {
        long brand = DispatchFixture.brand();
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, SandboxFailureMode.SERVER_ERROR_ONCE);
        long id = DispatchFixture.duePublication(brand, channel, Instant.now().minusSeconds(5), 10_000);

        dispatchUntilSettled("test-s");
        Publication waiting = load(id);
        assertThat(waiting.status).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(waiting.retries).isEqualTo(1);
        assertThat(waiting.nextAttemptAt).isAfter(Instant.now());
        String session = waiting.uploadRef;

        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(id).nextAttemptAt = Instant.now());
        dispatchUntilSettled("test-s");

        Publication done = load(id);
        assertThat(done.status).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(done.uploadRef).isEqualTo(session);
        assertThat(videos(id)).hasSize(1);
    }

    private static void expireLeases(long publication, long channel) {
        QuarkusTransaction.requiringNew().run(() -> {
            Publication.<Publication>findById(publication).leaseUntil = Instant.now().minusSeconds(1);
            Channel.<Channel>findById(channel).dispatchLeaseUntil = Instant.now().minusSeconds(1);
        });
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
