package app.herald.channel;

import java.nio.file.Path;
import java.time.Instant;

import app.herald.platform.CoverFrame;

/**
 * One publication to send: which channel, the video file with its size, type and duration, and the texts for the
 * platform. {@code marker} is unique per publication and travels with the upload, so a lookup can find it exactly.
 * {@code publishAt} is set when the platform itself publishes the video at that instant (Herald uploads it ahead);
 * null when the video goes public as soon as the platform has it. A duration of 0 is unknown. {@code cover} is the
 * frame the post shows as its cover, null when the platform picks its own.
 */
public record PublishRequest(long publicationId, ChannelRef channel, Path file, long size, String mimeType, String title,
        String caption, String marker, double durationSeconds, Instant publishAt, CoverFrame cover) {

    /** A request published at once, of unknown duration, without a cover frame. */
    public PublishRequest(long publicationId, ChannelRef channel, Path file, long size, String mimeType, String title,
            String caption, String marker) {
        this(publicationId, channel, file, size, mimeType, title, caption, marker, 0, null, null);
    }

    public PublishRequest withDuration(double seconds) {
        return new PublishRequest(publicationId, channel, file, size, mimeType, title, caption, marker, seconds, publishAt,
                cover);
    }

    public PublishRequest publishedAt(Instant at) {
        return new PublishRequest(publicationId, channel, file, size, mimeType, title, caption, marker, durationSeconds, at,
                cover);
    }

    public PublishRequest withCover(CoverFrame frame) {
        return new PublishRequest(publicationId, channel, file, size, mimeType, title, caption, marker, durationSeconds,
                publishAt, frame);
    }
}
