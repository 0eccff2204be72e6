package app.herald.content.media;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.herald.system.HeraldConfig;

/** Builds ffmpeg and the media store from Herald's settings. */
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
}
