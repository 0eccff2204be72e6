package app.herald.content.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.channel.CoverFrames;
import app.herald.platform.CoverFrame;

/** Cover stills for the connectors, taken by ffmpeg under its protocol and container whitelists. */
@ApplicationScoped
public class VideoFrames implements CoverFrames {

    @Inject
    Ffmpeg ffmpeg;

    @Override
    public byte[] jpeg(Path video, String mimeType, CoverFrame cover) throws IOException {
        if (ffmpeg.problem().isPresent()) {
            throw new IOException(ffmpeg.problem().get());
        }
        Path still = Files.createTempFile("herald-cover", ".jpg");
        try {
            ffmpeg.thumbnail(video, MediaFile.container(mimeType), cover.seconds(), still);
            byte[] jpeg = Files.readAllBytes(still);
            if (jpeg.length == 0) {
                throw new IOException("the video has no frame at " + cover.secondsText() + " s");
            }
            return jpeg;
        } finally {
            Files.deleteIfExists(still);
        }
    }
}
