package app.herald.channel;

/**
 * What a platform gave back so far, stored before the next step: the upload session or container
 * ({@code uploadRef}: a session URI, a publish_id, a container id), the bytes it holds, and the video id once known.
 * {@code note} is what the user should know about the step that gave this handle (e.g. the post goes out privately);
 * it belongs to that step only and is not carried to the next.
 */
public record PlatformHandle(String uploadRef, long offset, String videoId, String note) {

    public PlatformHandle(String uploadRef, long offset, String videoId) {
        this(uploadRef, offset, videoId, null);
    }

    public PlatformHandle atOffset(long newOffset) {
        return new PlatformHandle(uploadRef, newOffset, videoId);
    }

    public PlatformHandle withVideo(String id) {
        return new PlatformHandle(uploadRef, offset, id);
    }
}
