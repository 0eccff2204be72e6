package app.herald.calendar;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one channel's publication of a content item stands; {@link #ALLOWED} is the one place that says which moves
 * are legal, and {@link PublicationWorkflow} the one code that makes them.
 */
public enum PublicationStatus {
    SCHEDULED("Scheduled"),
    /** A dispatcher holds it and is checking it can go (approval, caps, file). */
    CLAIMED("Claimed"),
    /** The platform holds an upload session; bytes are being sent. */
    UPLOADING("Uploading"),
    /** All bytes are in; the platform is processing the video. */
    PROCESSING("Processing"),
    /**
     * Uploaded ahead of its slot: the platform holds the processed video and makes it public at the slot by itself
     * (YouTube {@code publishAt}, Facebook {@code SCHEDULED}); a dispatcher checks it once the slot has come.
     */
    SCHEDULED_ON_PLATFORM("Scheduled on the platform"),
    PUBLISHED("Published"),
    /** A step failed for now (server error, rate limit, expired token); retried from the stored handle. */
    RETRY_WAIT("Waiting to retry"),
    /** A request may have succeeded: reconciled through status or lookup before anything is sent again. */
    UNCONFIRMED("Unconfirmed"),
    /** Permanent: the platform refused it or the file cannot be read; the reason is shown. */
    FAILED("Failed"),
    /** Its slot passed by more than the missed-after window before it could go: it is never published late. */
    MISSED("Missed"),
    CANCELLED("Cancelled"),
    /** The content was not approved (or its approved revision changed) by the slot: it is never published late. */
    NEEDS_RESCHEDULE("Needs reschedule");

    /** Statuses a dispatcher may claim (when their lease, if any, has run out). */
    public static final Set<PublicationStatus> DISPATCHABLE = EnumSet.of(SCHEDULED, CLAIMED, UPLOADING, PROCESSING,
            RETRY_WAIT, UNCONFIRMED, SCHEDULED_ON_PLATFORM);

    /** Statuses that count against a channel's daily cap and minimum gap: going, gone or on their way. */
    public static final Set<PublicationStatus> TAKES_A_SLOT = EnumSet.of(SCHEDULED, CLAIMED, UPLOADING, PROCESSING,
            SCHEDULED_ON_PLATFORM, PUBLISHED, RETRY_WAIT, UNCONFIRMED);

    private static final Map<PublicationStatus, Set<PublicationStatus>> ALLOWED = Map.ofEntries(
            // Rescheduling keeps a publication SCHEDULED at its new time; PUBLISHED from anything not final is
            // "Mark as published" by hand (reconciling what the platform shows).
            Map.entry(SCHEDULED, EnumSet.of(SCHEDULED, NEEDS_RESCHEDULE, CLAIMED, MISSED, CANCELLED, PUBLISHED)),
            Map.entry(CLAIMED, EnumSet.of(UPLOADING, RETRY_WAIT, UNCONFIRMED, FAILED, MISSED, NEEDS_RESCHEDULE, CANCELLED,
                    PUBLISHED)),
            Map.entry(UPLOADING, EnumSet.of(PROCESSING, RETRY_WAIT, UNCONFIRMED, FAILED, CANCELLED, PUBLISHED)),
            Map.entry(PROCESSING, EnumSet.of(PUBLISHED, SCHEDULED_ON_PLATFORM, RETRY_WAIT, UNCONFIRMED, FAILED)),
            // The platform publishes it at the slot; the check then finds it public, failed, or unreachable for now.
            Map.entry(SCHEDULED_ON_PLATFORM, EnumSet.of(PUBLISHED, FAILED, RETRY_WAIT, UNCONFIRMED)),
            // RETRY_WAIT to itself is "Retry now" while it waits: the wait is cut short, audited like any move.
            Map.entry(RETRY_WAIT, EnumSet.of(RETRY_WAIT, CLAIMED, UPLOADING, PROCESSING, SCHEDULED_ON_PLATFORM, UNCONFIRMED,
                    FAILED, MISSED, NEEDS_RESCHEDULE, CANCELLED, PUBLISHED)),
            Map.entry(UNCONFIRMED, EnumSet.of(UPLOADING, PROCESSING, SCHEDULED_ON_PLATFORM, PUBLISHED, RETRY_WAIT, FAILED,
                    CANCELLED)),
            // "Retry now" after a failure starts again from the stored handle.
            Map.entry(FAILED, EnumSet.of(RETRY_WAIT, PUBLISHED)),
            Map.entry(MISSED, EnumSet.of(SCHEDULED, PUBLISHED)),
            Map.entry(CANCELLED, EnumSet.of(SCHEDULED)),
            Map.entry(NEEDS_RESCHEDULE, EnumSet.of(SCHEDULED, CANCELLED)),
            Map.entry(PUBLISHED, EnumSet.noneOf(PublicationStatus.class)));

    private final String label;

    PublicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(PublicationStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Nothing more happens to it unless a person acts. */
    public boolean isFinal() {
        return this == PUBLISHED || this == FAILED || this == MISSED || this == CANCELLED;
    }

    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
