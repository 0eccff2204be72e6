package app.herald.channel;

import java.nio.file.Path;

/**
 * One publication to send: which channel, the video file with its size and type, and the texts for the platform.
 * {@code marker} is unique per publication and travels with the upload, so a lookup can find it exactly.
 */
public record PublishRequest(long publicationId, ChannelRef channel, Path file, long size, String mimeType, String title,
        String caption, String marker) {
}
