package app.herald.channel;

import java.io.IOException;
import java.nio.file.Path;

import app.herald.platform.CoverFrame;

/**
 * Takes a still of a stored video for a platform that wants the cover as an image (YouTube's thumbnails.set); the
 * media feature implements it with ffmpeg, which the connectors do not know.
 */
public interface CoverFrames {

    /** The frame at {@code cover} of {@code video} (of type {@code mimeType}) as JPEG bytes. */
    byte[] jpeg(Path video, String mimeType, CoverFrame cover) throws IOException;
}
