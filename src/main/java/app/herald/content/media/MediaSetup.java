package app.herald.content.media;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.herald.system.HeraldConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Builds ffmpeg and the media store from Herald's settings, and says at start-up whether ffmpeg can run. */
@ApplicationScoped
public class MediaSetup {

    @Produces
    @Singleton
    Ffmpeg ffmpeg(HeraldConfig config) {
        return config.media().ffmpegDir().map(Ffmpeg::in).orElseGet(Ffmpeg::bundled);
    }

    @Produces
    @Singleton
    MediaStorage storage(HeraldConfig config, Ffmpeg ffmpeg) {
        Path dir = config.media().dir().orElseGet(() -> config.dataDir().resolve("media"));
        return new MediaStorage(dir, config.media().maxSize().asLongValue(), ffmpeg);
    }

    /** The app starts without a working ffmpeg (pages say so, uploads are refused); the log says what to fix. */
    void report(@Observes StartupEvent started, Ffmpeg ffmpeg) {
        ffmpeg.problem().ifPresentOrElse(
                problem -> Log.errorf("%s. Video uploads and renditions are refused until this is fixed.", problem),
                () -> Log.debug("ffmpeg and ffprobe run"));
    }
}
