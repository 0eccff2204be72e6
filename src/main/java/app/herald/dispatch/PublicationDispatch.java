package app.herald.dispatch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import app.herald.audit.AuditAction;
import app.herald.calendar.ContentRollup;
import app.herald.calendar.CoverState;
import app.herald.calendar.Notifier;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.calendar.PublicationAttempt;
import app.herald.calendar.PublicationWorkflow;
import app.herald.calendar.WallClock;
import app.herald.channel.Channel;
import app.herald.channel.ChannelRef;
import app.herald.channel.ChannelStatus;
import app.herald.channel.Connector;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.Connectors;
import app.herald.channel.FailureClass;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.RemoteStatus;
import app.herald.content.ContentItem;
import app.herald.content.media.MediaStorage;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;
import app.herald.system.HeraldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes one claimed publication as far as it can go now: each network step runs outside any transaction, and its
 * result (the platform handle first of all) is committed in a transaction of its own before the next step, so a
 * worker stopped at any point is resumed from what was stored, never from the start.
 */
@ApplicationScoped
public class PublicationDispatch {

    /**
     * Statuses that count as posted against a channel's daily cap, as literals: a list parameter would make Hibernate
     * translate the query again on every run.
     */
    private static final String POSTED = EnumSet.of(PublicationStatus.PUBLISHED, PublicationStatus.UPLOADING,
            PublicationStatus.PROCESSING, PublicationStatus.UNCONFIRMED).stream()
            .map(status -> PublicationStatus.class.getName() + "." + status.name())
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /** Steps one worker takes for one publication before giving others a turn. */
    private static final int MAX_STEPS = 10_000;

    @Inject
    DispatchClaims claims;

    @Inject
    PublicationWorkflow workflow;

    @Inject
    Connectors connectors;

    @Inject
    MediaStorage storage;

    @Inject
    HeraldConfig config;

    @Inject
    Event<StepCommitted> committed;

    @Inject
    Notifier notifier;

    @Inject
    ContentRollup rollup;

    @Inject
    DispatchMetrics metrics;

    /** What a step needs, read in a short transaction: where the publication stands and what to send. */
    private record Snapshot(PublicationStatus status, PlatformHandle handle, PublishRequest request, int resends,
            CoverState cover) {
    }

    /**
     * One worker's turn on one publication: which one, as whom, and the attempt rows of its platform calls, which are
     * written with the next step's transaction (one commit per step, not two).
     */
    private static final class Job {
        final long id;
        final String instance;
        final List<Attempt> attempts = new ArrayList<>();
        /** Whether the last commit gave the publication and its channel back. */
        boolean released;
        /** Whether this worker renewed the channel's access already. */
        boolean refreshed;
        /** Whether this worker committed the cover as SENDING (so finding it SENDING is not an interrupted call). */
        boolean coverSending;

        Job(long id, String instance) {
            this.id = id;
            this.instance = instance;
        }
    }

    /** A platform call made, waiting for the next commit to become a {@link PublicationAttempt} row. */
    private record Attempt(PublicationAttempt.Step step, Instant startedAt, long durationMs, String outcome,
            ConnectorFailure failure, String note) {
    }

    /** Works on publication {@code id}, which {@code instance} has claimed, and releases it when it must wait. */
    public void run(long id, String instance) {
        Job job = new Job(id, instance);
        // A worker that dies on the way keeps its lease until it runs out, as a crashed instance would.
        work(job);
        if (!job.released || !job.attempts.isEmpty()) {
            inTransaction(job, () -> {
                claims.release(id, instance);
                return null;
            });
        }
    }

    private void work(Job job) {
        Optional<Snapshot> next = inStep(job, claims::take, publication -> {
        });
        for (int step = 0; step < MAX_STEPS && next.isPresent(); step++) {
            Snapshot snapshot = next.get();
            Connector connector = connectors.forChannel(snapshot.request().channel()).orElse(null);
            if (connector == null) {
                return;
            }
            try {
                next = advance(job, snapshot, connector);
            } catch (ConnectorFailure failure) {
                if (failure.failureClass() == FailureClass.AUTH && !job.refreshed) {
                    job.refreshed = true;
                    next = refresh(job, snapshot, connector);
                } else {
                    next = failed(job, failure);
                }
            }
        }
    }

    /**
     * In the transaction that recorded the last step: checks that the publication may still go (approved in its
     * revision, slot not missed, caps and gap, file readable) and reads what the next step needs; empty when this
     * worker should stop.
     */
    private Optional<Snapshot> next(Job job, Publication publication, Instant now) {
        if (!PublicationStatus.DISPATCHABLE.contains(publication.status)) {
            return Optional.empty();
        }
        if (publication.status == PublicationStatus.SCHEDULED) {
            workflow.move(publication, PublicationStatus.CLAIMED, AuditAction.PUBLICATION_DISPATCH,
                    "Claimed by " + job.instance + ".", now);
        }
        ContentItem content = publication.content;
        boolean started = publication.uploadRef != null;
        if (!started && (refused(publication, now) || !scheduleOnPlatform(publication, now))) {
            return Optional.empty();
        }
        if (content.media == null) {
            end(publication, PublicationStatus.FAILED, "No video is attached to '" + content.title + "'.", job.instance, now);
            return Optional.empty();
        }
        Path file = storage.resolve(content.media.storedName);
        // A video the platform already holds is only checked on: the file may have gone meanwhile.
        boolean onPlatform = publication.status == PublicationStatus.SCHEDULED_ON_PLATFORM;
        if (!onPlatform && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            end(publication, PublicationStatus.FAILED, "The video file " + file.getFileName() + " of '" + content.title
                    + "' is missing or cannot be read on the server.", job.instance, now);
            return Optional.empty();
        }
        long size = content.media.sizeBytes;
        try {
            size = onPlatform ? size : Files.size(file);
        } catch (IOException e) {
            end(publication, PublicationStatus.FAILED, "The video file " + file.getFileName() + " cannot be read: "
                    + e.getMessage(), job.instance, now);
            return Optional.empty();
        }
        if (size != content.media.sizeBytes) {
            end(publication, PublicationStatus.FAILED, "The video file " + file.getFileName() + " has " + size
                    + " bytes on disk but " + content.media.sizeBytes + " were uploaded: it was damaged.", job.instance, now);
            return Optional.empty();
        }
        if (started && publication.platformVideoId == null && publication.uploadOffset >= size && tooLateToSchedule(publication, now)) {
            return Optional.empty();
        }
        Channel channel = publication.channel;
        String title = content.variant(channel.platform).map(variant -> variant.title).filter(text -> text != null && !text.isBlank())
                .orElse(content.title);
        String caption = content.variant(channel.platform).map(variant -> variant.body).orElse(content.description);
        PublishRequest request = new PublishRequest(job.id, ChannelRef.of(channel), file, size, content.media.mimeType(), title,
                caption == null ? "" : caption, marker(publication)).withDuration(content.media.durationSeconds)
                .publishedAt(publication.platformPublishAt).withCover(publication.cover());
        return Optional.of(new Snapshot(publication.status,
                new PlatformHandle(publication.uploadRef, publication.uploadOffset, publication.platformVideoId), request,
                publication.resends, publication.coverState));
    }

    /**
     * The tag a publication's upload carries so a lookup finds exactly it: the id alone could come back after a
     * database is reset, with the platform still holding the old posts.
     */
    public static String marker(Publication publication) {
        return "herald-" + publication.id + "-" + publication.createdAt.toEpochMilli();
    }

    /**
     * For a publication uploaded ahead of its slot (its channel's upload lead): asks the platform to publish it at the
     * slot while that is still far enough ahead for the platform; otherwise the upload waits for the slot and goes
     * public at once, as without a lead. False when it waits (moved and told why).
     */
    private boolean scheduleOnPlatform(Publication publication, Instant now) {
        publication.platformPublishAt = null;
        if (publication.uploadLeadMinutes <= 0) {
            return true;
        }
        PlatformSpec spec = PlatformSpecs.of(publication.channel.platform);
        if (spec.schedulesOnPlatform() && !Duration.between(now, publication.scheduledAt).minus(spec.earliestSchedule()).isNegative()) {
            publication.platformPublishAt = publication.scheduledAt;
            return true;
        }
        return !waitForSlot(publication, now, "Too close to its slot (" + slot(publication) + ") for "
                + publication.channel.platform.label() + " to schedule it (at least " + spec.earliestSchedule().toMinutes()
                + " minutes ahead): Herald uploads it at the slot instead.");
    }

    /**
     * Before the publish call of an upload meant for a platform-side schedule: when the upload took so long that the
     * slot is now nearer than the platform accepts, the video is published at the slot by Herald instead. True when
     * it waits for the slot (moved and told why).
     */
    private boolean tooLateToSchedule(Publication publication, Instant now) {
        if (publication.platformPublishAt == null) {
            return false;
        }
        PlatformSpec spec = PlatformSpecs.of(publication.channel.platform);
        if (!Duration.between(now, publication.platformPublishAt).minus(spec.earliestSchedule()).isNegative()) {
            return false;
        }
        publication.platformPublishAt = null;
        return waitForSlot(publication, now, "The upload ended less than " + spec.earliestSchedule().toMinutes()
                + " minutes before the slot (" + slot(publication) + "), too late for " + publication.channel.platform.label()
                + " to schedule it: Herald publishes it at the slot.");
    }

    private boolean waitForSlot(Publication publication, Instant now, String reason) {
        if (!now.isBefore(publication.scheduledAt)) {
            return false;
        }
        wait(publication, publication.scheduledAt, reason, now);
        return true;
    }

    /** Whether a publication that has not started must not start now; if so it was moved accordingly and told why. */
    private boolean refused(Publication publication, Instant now) {
        ContentItem content = publication.content;
        Channel channel = publication.channel;
        if (!content.isApprovedRevisionCurrent() || !publication.revisionId.equals(content.approvedRevisionId)) {
            String reason = "'" + content.title + "' was edited after approval (or is no longer approved in the revision"
                    + " scheduled); it was not published. Get it approved again and pick a new time.";
            move(publication, PublicationStatus.NEEDS_RESCHEDULE, reason, now);
            notifyOwner(publication, reason, now);
            return true;
        }
        Duration missedAfter = config.dispatch().missedAfter();
        if (now.isAfter(publication.scheduledAt.plus(missedAfter))) {
            String reason = "Its slot (" + slot(publication) + ") passed more than " + missedAfter.toMinutes()
                    + " minutes before it could be sent; it is never published late. Pick a new time.";
            move(publication, PublicationStatus.MISSED, reason, now);
            notifyOwner(publication, "'" + content.title + "' missed its slot on " + channel.label() + ": " + reason, now);
            return true;
        }
        LocalDate today = now.atZone(channel.zone()).toLocalDate();
        long postedToday = Publication.count("channel = ?1 and id <> ?2 and status in " + POSTED
                        + " and coalesce(publishedAt, claimedAt) >= ?3 and coalesce(publishedAt, claimedAt) < ?4", channel, publication.id,
                today.atStartOfDay(channel.zone()).toInstant(), today.plusDays(1).atStartOfDay(channel.zone()).toInstant());
        if (postedToday >= channel.dailyCap) {
            String reason = channel.label() + " already posted " + postedToday + " times on " + today + " ("
                    + channel.timezone + "); its daily cap is " + channel.dailyCap + ". Pick another day.";
            move(publication, PublicationStatus.NEEDS_RESCHEDULE, reason, now);
            notifyOwner(publication, "'" + content.title + "' was not published: " + reason, now);
            return true;
        }
        if (channel.minGapMinutes > 0) {
            List<Instant> recent = Publication.find("select p.publishedAt from Publication p where p.channel = ?1 and p.id <> ?2"
                    + " and p.publishedAt > ?3 order by p.publishedAt desc", channel, publication.id, now.minus(channel.minGap()))
                    .project(Instant.class).list();
            if (!recent.isEmpty()) {
                Instant allowed = recent.get(0).plus(channel.minGap());
                String reason = "Waits for the channel's minimum gap of " + channel.minGapMinutes + " minutes (until "
                        + WallClock.format(allowed.atZone(channel.zone())) + ").";
                wait(publication, allowed, reason, now);
                return true;
            }
        }
        return false;
    }

    /** One network step for the publication where it stands; false when the worker should stop for now. */
    private Optional<Snapshot> advance(Job job, Snapshot snapshot, Connector connector) throws ConnectorFailure {
        PublishRequest request = snapshot.request();
        PlatformHandle handle = snapshot.handle();
        PublicationStatus status = snapshot.status();
        if (status == PublicationStatus.UNCONFIRMED) {
            return reconcile(job, snapshot, connector);
        }
        if (handle.uploadRef() == null) {
            PlatformHandle started = call(job, PublicationAttempt.Step.START, () -> connector.start(request));
            return record(job, publication -> {
                publication.uploadRef = started.uploadRef();
                publication.uploadOffset = 0;
                publication.uploadSize = request.size();
                // A new upload is a new video: its cover is still to be set.
                publication.moveCover(request.cover() == null ? CoverState.NONE : CoverState.PENDING, null);
                moveIfNeeded(publication, PublicationStatus.UPLOADING, "Upload session opened on " + publication.channel.label() + ".");
            });
        }
        if (handle.videoId() == null && handle.offset() < request.size()) {
            byte[] chunk = readChunk(request.file(), handle.offset(), (int) Math.min(connector.chunkSize(), request.size() - handle.offset()));
            PlatformHandle sent = call(job, PublicationAttempt.Step.SEND, () -> connector.send(request, handle, chunk));
            return record(job, publication -> {
                publication.uploadOffset = sent.offset();
                moveIfNeeded(publication, PublicationStatus.UPLOADING, "Resumed at byte " + handle.offset() + ".");
            });
        }
        if (handle.videoId() == null) {
            PlatformHandle finished = call(job, PublicationAttempt.Step.FINISH, () -> connector.finish(request, handle));
            return record(job, publication -> {
                publication.platformVideoId = finished.videoId();
                moveIfNeeded(publication, PublicationStatus.PROCESSING, "All " + request.size() + " bytes sent; the platform is processing.");
            });
        }
        if (snapshot.cover().open()) {
            return cover(job, snapshot, connector);
        }
        RemoteStatus remote = call(job, PublicationAttempt.Step.STATUS, () -> connector.status(request, handle));
        return apply(job, remote);
    }

    /**
     * Sets the cover frame once the platform holds the video. SENDING is committed before the call: a worker that
     * finds it so took over from one stopped during the call, and sends it again (the same frame set twice is the same
     * cover) with a note saying so. A refusal is noted on the publication and the post goes on to be published; only
     * a first token problem is handed back, to renew access and try again.
     */
    private Optional<Snapshot> cover(Job job, Snapshot snapshot, Connector connector) throws ConnectorFailure {
        if (snapshot.cover() == CoverState.PENDING) {
            job.coverSending = true;
            return record(job, publication -> publication.moveCover(CoverState.SENDING, null));
        }
        String again = job.coverSending ? "" : "Sent again: Herald stopped while sending it before. ";
        job.coverSending = true;
        String said;
        try {
            said = call(job, PublicationAttempt.Step.COVER, () -> connector.setCover(snapshot.request(), snapshot.handle()));
        } catch (ConnectorFailure failure) {
            if (failure.failureClass() == FailureClass.AUTH && !job.refreshed) {
                throw failure;
            }
            return record(job, publication -> publication.moveCover(CoverState.REFUSED,
                    truncate(again + failure.getMessage(), 1000)));
        }
        return record(job, publication -> publication.moveCover(CoverState.SET, truncate(again + said, 1000)));
    }

    /** An outcome we do not know: ask the platform before anything is sent again, and send again at most once. */
    private Optional<Snapshot> reconcile(Job job, Snapshot snapshot, Connector connector) throws ConnectorFailure {
        PublishRequest request = snapshot.request();
        Optional<RemoteStatus> found = call(job, PublicationAttempt.Step.LOOKUP, () -> connector.lookup(request));
        if (found.isPresent()) {
            return apply(job, found.get());
        }
        RemoteStatus remote = snapshot.handle().uploadRef() == null
                ? new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, null)
                : call(job, PublicationAttempt.Step.STATUS, () -> connector.status(request, snapshot.handle()));
        if (remote.state() != RemoteStatus.State.NOT_FOUND) {
            return apply(job, remote);
        }
        if (snapshot.resends() > 0) {
            return record(job, publication -> end(publication, PublicationStatus.FAILED,
                    "The platform has no trace of this post after it was sent twice. Check " + publication.channel.label()
                            + " and, if the video is there, use \"Mark as published\" with its id.", job.instance, Instant.now()));
        }
        return record(job, publication -> {
            publication.uploadRef = null;
            publication.uploadOffset = 0;
            publication.platformVideoId = null;
            publication.resends++;
            move(publication, PublicationStatus.RETRY_WAIT, "The platform has no trace of the post: it is sent again, once.",
                    Instant.now());
            publication.nextAttemptAt = null;
        });
    }

    /** Acts on what the platform says of an upload or video. */
    private Optional<Snapshot> apply(Job job, RemoteStatus remote) {
        return record(job, publication -> {
            Instant now = Instant.now();
            boolean held = remote.state() == RemoteStatus.State.PUBLISHED || remote.state() == RemoteStatus.State.SCHEDULED;
            if (held && publication.coverState.open() && publication.status != PublicationStatus.SCHEDULED_ON_PLATFORM) {
                // Found by a lookup or status before its cover was set: the cover first, then the status again.
                publication.platformVideoId = remote.videoId();
                moveIfNeeded(publication, PublicationStatus.PROCESSING, "The platform holds the video; Herald sets its"
                        + " cover frame.");
                return;
            }
            switch (remote.state()) {
                case UPLOADING -> {
                    publication.uploadOffset = remote.bytesReceived();
                    moveIfNeeded(publication, PublicationStatus.UPLOADING, "The platform holds " + remote.bytesReceived()
                            + " bytes; sending resumes there.");
                }
                case PROCESSING -> {
                    publication.platformVideoId = remote.videoId();
                    moveIfNeeded(publication, PublicationStatus.PROCESSING, "The platform is processing the video.");
                    publication.nextAttemptAt = now.plus(config.dispatch().pollInterval());
                    throw new Pause();
                }
                case SCHEDULED -> {
                    publication.platformVideoId = remote.videoId();
                    publication.platformUrl = remote.url();
                    Instant at = publication.platformPublishAt != null ? publication.platformPublishAt : publication.scheduledAt;
                    moveIfNeeded(publication, PublicationStatus.SCHEDULED_ON_PLATFORM, "Uploaded ahead: "
                            + publication.channel.platform.label() + " publishes it at " + WallClock.format(at.atZone(
                                    publication.channel.zone())) + ".");
                    // Checked again once the platform should have published it.
                    publication.nextAttemptAt = (at.isAfter(now) ? at : now).plus(config.dispatch().pollInterval());
                    throw new Pause();
                }
                case PUBLISHED -> {
                    publication.platformVideoId = remote.videoId();
                    publication.platformUrl = remote.url();
                    // Published by the platform at the time it was given, or by Herald now.
                    Instant given = publication.platformPublishAt;
                    publication.publishedAt = given != null && given.isBefore(now) ? given : now;
                    end(publication, PublicationStatus.PUBLISHED, null, job.instance, now);
                }
                case FAILED -> end(publication, PublicationStatus.FAILED, remote.message(), job.instance, now);
                case NOT_FOUND -> {
                    publication.uploadRef = null;
                    publication.uploadOffset = 0;
                    publication.platformVideoId = null;
                    move(publication, PublicationStatus.UNCONFIRMED, "The platform lost the upload session; reconciling.", now);
                }
            }
        });
    }

    /** Handles a classified failure; true when the worker should go on with the next step at once. */
    private Optional<Snapshot> failed(Job job, ConnectorFailure failure) {
        return record(job, publication -> {
            Instant now = Instant.now();
            String said = failure.getMessage();
            switch (failure.failureClass()) {
                case TRANSIENT -> retryLater(publication, said, now);
                case RATE_LIMITED -> {
                    Instant until = failure.retryAt() != null ? failure.retryAt() : now.plus(config.dispatch().backoff());
                    publication.channel.pausedUntil = until;
                    publication.channel.pauseReason = "Rate-limited by the platform until "
                            + WallClock.format(until.atZone(publication.channel.zone())) + ": " + said;
                    move(publication, PublicationStatus.RETRY_WAIT, publication.channel.pauseReason, now);
                    publication.nextAttemptAt = until;
                    throw new Pause();
                }
                case AUTH -> {
                    reconnectNeeded(publication, said, now);
                    throw new Pause();
                }
                case INVALID -> end(publication, PublicationStatus.FAILED, said, job.instance, now);
                case UNKNOWN_OUTCOME -> move(publication, PublicationStatus.UNCONFIRMED,
                        "No answer from the platform (" + said + "); reconciling before anything is sent again.", now);
            }
        });
    }

    private Optional<Snapshot> refresh(Job job, Snapshot snapshot, Connector connector) {
        ChannelRef channel = snapshot.request().channel();
        try {
            boolean renewed = call(job, PublicationAttempt.Step.REFRESH, () -> connector.refresh(channel));
            if (renewed) {
                return record(job, publication -> {
                });
            }
            return record(job, publication -> {
                reconnectNeeded(publication, "The platform refused to renew Herald's access.", Instant.now());
                throw new Pause();
            });
        } catch (ConnectorFailure failure) {
            return failed(job, failure);
        }
    }

    private void reconnectNeeded(Publication publication, String said, Instant now) {
        Channel channel = publication.channel;
        channel.status = ChannelStatus.RECONNECT_NEEDED;
        channel.pauseReason = "Herald's access was refused (" + said + "): an admin must reconnect the channel.";
        move(publication, PublicationStatus.RETRY_WAIT, channel.pauseReason, now);
        publication.nextAttemptAt = null;
        notifyOwner(publication, channel.label() + " needs reconnecting: '" + publication.content.title
                + "' waits until an admin reconnects it.", now);
    }

    private void retryLater(Publication publication, String said, Instant now) {
        publication.retries++;
        if (publication.retries > config.dispatch().maxRetries()) {
            end(publication, PublicationStatus.FAILED, "Gave up after " + (publication.retries - 1) + " retries: " + said,
                    publication.claimedBy, now);
            return;
        }
        Duration backoff = config.dispatch().backoff().multipliedBy(1L << Math.min(publication.retries - 1, 20));
        if (backoff.compareTo(config.dispatch().maxBackoff()) > 0) {
            backoff = config.dispatch().maxBackoff();
        }
        move(publication, PublicationStatus.RETRY_WAIT, said + " Retry " + publication.retries + " in " + backoff.toSeconds() + " s.", now);
        publication.nextAttemptAt = now.plus(backoff);
        throw new Pause();
    }

    /** Moves to a final status, says why, tells the owner when it went wrong, and updates the content's state. */
    private void end(Publication publication, PublicationStatus target, String reason, String instance, Instant now) {
        move(publication, target, reason == null ? "Published by " + instance + "." : reason, now);
        publication.failureReason = reason;
        publication.nextAttemptAt = null;
        if (target == PublicationStatus.FAILED) {
            notifyOwner(publication, "'" + publication.content.title + "' could not be published on "
                    + publication.channel.label() + ": " + reason, now);
        }
        rollup.follow(publication);
    }

    private void wait(Publication publication, Instant until, String reason, Instant now) {
        move(publication, PublicationStatus.RETRY_WAIT, reason, now);
        publication.nextAttemptAt = until;
    }

    private void move(Publication publication, PublicationStatus target, String reason, Instant now) {
        if (publication.status != target) {
            workflow.move(publication, target, AuditAction.PUBLICATION_DISPATCH, reason, now);
        }
        publication.failureReason = reason;
    }

    private void moveIfNeeded(Publication publication, PublicationStatus target, String reason) {
        if (publication.status != target) {
            move(publication, target, reason, Instant.now());
            publication.failureReason = null;
            rollup.follow(publication);
        }
    }

    private void notifyOwner(Publication publication, String message, Instant now) {
        notifier.send(publication.content.createdBy, message, "/calendar/publications/" + publication.id, now);
    }

    private static String slot(Publication publication) {
        return WallClock.format(publication.scheduledAt.atZone(publication.channel.zone()));
    }

    /** Thrown inside a result transaction to commit it and stop the worker for now (a wait, a pause). */
    private static final class Pause extends RuntimeException {
        Pause() {
            super(null, null, false, false);
        }
    }

    /** A network step that may fail in a classified way. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ConnectorFailure;
    }

    /** Runs one network step outside any transaction and keeps its attempt for the next commit. */
    private <T> T call(Job job, PublicationAttempt.Step step, Call<T> call) throws ConnectorFailure {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            T result = call.run();
            // A handle's note, or what the platform said of a step that only confirms (setting a cover).
            attempt(job, step, started, t0, null, result instanceof PlatformHandle handle ? handle.note()
                    : result instanceof String said ? said : null);
            return result;
        } catch (ConnectorFailure failure) {
            attempt(job, step, started, t0, failure, null);
            throw failure;
        } catch (RuntimeException e) {
            ConnectorFailure failure = new ConnectorFailure(FailureClass.TRANSIENT, null, e.getClass().getSimpleName(),
                    "Unexpected error talking to the platform: " + e.getMessage());
            attempt(job, step, started, t0, failure, null);
            throw failure;
        }
    }

    private void attempt(Job job, PublicationAttempt.Step step, Instant started, long t0, ConnectorFailure failure,
            String note) {
        String outcome = failure == null ? "OK" : failure.failureClass().name();
        job.attempts.add(new Attempt(step, started, (System.nanoTime() - t0) / 1_000_000, outcome, failure, note));
        metrics.attempt(outcome);
    }

    private static void persist(Job job, Attempt made) {
        PublicationAttempt attempt = new PublicationAttempt();
        attempt.publicationId = job.id;
        attempt.instance = job.instance;
        attempt.startedAt = made.startedAt();
        attempt.step = made.step();
        attempt.outcome = made.outcome();
        attempt.durationMs = made.durationMs();
        ConnectorFailure failure = made.failure();
        if (failure != null) {
            attempt.httpStatus = failure.httpStatus();
            attempt.errorCode = failure.code();
            attempt.message = failure.getMessage() == null ? null : truncate(failure.getMessage(), 1000);
        } else if (made.note() != null) {
            attempt.message = truncate(made.note(), 1000);
        }
        attempt.persist();
    }

    /**
     * Commits a step's result if this worker still holds the publication, with what the next step needs read in the
     * same transaction, then tells observers; empty when the worker should stop (it lost the lease, or the result
     * says wait or done).
     */
    private Optional<Snapshot> record(Job job, java.util.function.Consumer<Publication> change) {
        return inStep(job, claims::renew, change);
    }

    /** Whether {@code instance} holds (or, for a first step, may take) the publication's lease. */
    @FunctionalInterface
    private interface Hold {
        boolean hold(Publication publication, String instance, Instant now);
    }

    private Optional<Snapshot> inStep(Job job, Hold hold, java.util.function.Consumer<Publication> change) {
        PublicationStatus[] status = { null };
        Optional<Snapshot> next = inTransaction(job, () -> {
            status[0] = null;
            Instant now = Instant.now();
            Publication publication = Publication.findById(job.id);
            if (publication == null || !hold.hold(publication, job.instance, now)) {
                return Optional.empty();
            }
            boolean paused = false;
            try {
                change.accept(publication);
            } catch (Pause pause) {
                paused = true;
            }
            Optional<Snapshot> ahead = paused ? Optional.empty() : next(job, publication, now);
            if (ahead.isEmpty()) {
                release(job, publication);
            }
            status[0] = publication.status;
            return ahead;
        });
        if (status[0] != null) {
            committed.fire(new StepCommitted(job.id, job.instance, status[0], next.isPresent() ? "continue" : "stop"));
        }
        return next;
    }

    /** Gives the publication and its channel back in the commit that says the worker stops. */
    private static void release(Job job, Publication publication) {
        publication.claimedBy = null;
        publication.leaseUntil = null;
        Channel channel = publication.channel;
        if (job.instance.equals(channel.dispatchOwner)) {
            // The lease ends now rather than vanishing: the channel takes its turn after those released earlier.
            channel.dispatchOwner = null;
            channel.dispatchLeaseUntil = Instant.now();
        }
        job.released = true;
    }

    /**
     * Runs {@code work} in a transaction of its own that also writes the job's pending attempt rows: they are kept
     * whatever the work decides, even when this worker lost its lease.
     */
    private static <T> T inTransaction(Job job, java.util.concurrent.Callable<T> work) {
        T result = committed(() -> {
            job.released = false;
            job.attempts.forEach(attempt -> persist(job, attempt));
            return work.call();
        });
        job.attempts.clear();
        return result;
    }

    /**
     * Runs {@code work} in a transaction of its own, again when it lost an optimistic-lock race: another channel's
     * worker may update the same content item (its state) at the same moment. The work reads everything afresh, so a
     * second run applies the same result to the current rows.
     */
    private static <T> T committed(java.util.concurrent.Callable<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (attempt >= 5 || !lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether the transaction lost a race that running it again settles: an optimistic-lock conflict, or the
     * database picking it as a deadlock victim (rolled back whole). The transaction manager reports a failure at
     * commit as a suppressed exception, so both causes and suppressed ones are looked at.
     */
    private static boolean lostRace(Throwable e) {
        if (e == null) {
            return false;
        }
        if (e instanceof jakarta.persistence.OptimisticLockException || e instanceof org.hibernate.StaleStateException
                || e instanceof java.sql.SQLTransactionRollbackException) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (lostRace(suppressed)) {
                return true;
            }
        }
        return lostRace(e.getCause());
    }

    private static byte[] readChunk(Path file, long offset, int length) throws ConnectorFailure {
        byte[] chunk = new byte[length];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            in.readFully(chunk);
            return chunk;
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.INVALID, null, "file", "The video file " + file.getFileName()
                    + " could not be read at byte " + offset + ": " + e.getMessage());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
