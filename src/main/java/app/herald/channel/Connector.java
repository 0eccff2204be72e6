package app.herald.channel;

import java.util.List;
import java.util.Optional;

/**
 * What Herald needs from one platform, platform-neutral and stateless: a publish is a sequence of resumable steps,
 * each taking the handle stored so far and returning the one to store before the next step. Scheduling, claiming,
 * retries and rendering are the dispatcher's business, never a connector's. Every failure is a
 * {@link ConnectorFailure} with its {@link FailureClass}.
 */
public interface Connector {

    /** Whether this connector publishes to {@code channel}. */
    boolean serves(ChannelRef channel);

    /** Largest chunk {@link #send} takes; the dispatcher reads no more than this from the file at a time. */
    int chunkSize();

    /** Opens an upload session (or container) on the platform; the returned handle names it, at offset 0. */
    PlatformHandle start(PublishRequest request) throws ConnectorFailure;

    /** Sends {@code chunk}, the bytes at {@code handle.offset()}; returns the handle at the new offset. */
    PlatformHandle send(PublishRequest request, PlatformHandle handle, byte[] chunk) throws ConnectorFailure;

    /** After the last byte: asks the platform to publish; returns the handle naming the platform's video. */
    PlatformHandle finish(PublishRequest request, PlatformHandle handle) throws ConnectorFailure;

    /**
     * Sets {@code request.cover()} as the cover of the video named by {@code handle}, once the platform holds it;
     * returns what the user should know of it. A platform that took the cover with the upload only confirms it here.
     * A failure concerns the cover alone, never the post: the dispatcher notes it and publishes the video.
     */
    default String setCover(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        throw new ConnectorFailure(FailureClass.INVALID, null, "cover_not_supported", "Herald does not set a cover"
                + " frame on " + request.channel().platform().label() + "; the platform shows its own.");
    }

    /** Where the upload or video named by {@code handle} stands on the platform. */
    RemoteStatus status(PublishRequest request, PlatformHandle handle) throws ConnectorFailure;

    /** Finds a video published for {@code request} from what Herald stored, for reconciling an unknown outcome. */
    Optional<RemoteStatus> lookup(PublishRequest request) throws ConnectorFailure;

    /**
     * The cumulative counters of published videos of {@code channel}, asked in as few calls as the platform allows; a
     * metric the platform does not give is null, and one it refuses is dropped and reported, never failing the fetch.
     */
    MetricsBatch metrics(ChannelRef channel, List<String> videoIds) throws ConnectorFailure;

    /** Renews the channel's access after an {@link FailureClass#AUTH} failure; false when it needs reconnecting. */
    boolean refresh(ChannelRef channel) throws ConnectorFailure;
}
