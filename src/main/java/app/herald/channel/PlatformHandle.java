package app.herald.channel;

/**
 * What a platform gave back so far, stored before the next step: the upload session or container
 * ({@code uploadRef}: a session URI, a publish_id, a container id), the bytes it holds, and the video id once known.
 */
public record PlatformHandle(String uploadRef, long offset, String videoId) {

    public PlatformHandle atOffset(long newOffset) {
        return new PlatformHandle(uploadRef, newOffset, videoId);
    }

    public PlatformHandle withVideo(String id) {
        return new PlatformHandle(uploadRef, offset, id);
    }
}
