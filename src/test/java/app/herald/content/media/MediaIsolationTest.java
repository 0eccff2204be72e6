package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that make ffmpeg open other files (playlists, manifests, concat lists, image sequences) and containers the
 * platforms do not take are refused by every ffprobe/ffmpeg call, and the file they point at is never opened: it is
 * a named pipe here, and opening a named pipe is something the test can see.
 */
class MediaIsolationTest {

    @TempDir
    Path dir;

    private final List<Canary> canaries = new ArrayList<>();

    /** A named pipe that records whether anything opened it for reading. */
    private static final class Canary {
        final Path path;
        final AtomicBoolean opened = new AtomicBoolean();
        private final Thread watcher;
        private volatile boolean released;

        Canary(Path path) throws IOException, InterruptedException {
            this.path = path;
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
            // Opening a pipe for writing blocks until a reader opens it: here, only ffmpeg or release() can.
            watcher = new Thread(() -> {
                try (FileOutputStream out = new FileOutputStream(path.toFile())) {
                    if (!released) {
                        opened.set(true);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            watcher.start();
        }

        void release() throws IOException, InterruptedException {
            released = true;
            if (watcher.isAlive()) {
                try (FileInputStream unblock = new FileInputStream(path.toFile())) {
                    watcher.join(5000);
                }
            }
        }
    }

    /** Stands in for another brand's stored video. */
    private Canary canary(String name) throws Exception {
        Canary canary = new Canary(dir.resolve(name));
        canaries.add(canary);
        return canary;
    }

    @AfterEach
    void release() throws Exception {
        for (Canary canary : canaries) {
            canary.release();
        }
    }

    private void assertNoneOpened() {
        assertThat(canaries).allSatisfy(canary -> assertThat(canary.opened).as(canary.path + " was opened").isFalse());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path hls(String name) throws Exception {
        return write(name, Manifests.hls(canary(name + "-segment.mp4").path));
    }

    private Path dash() throws Exception {
        return write("manifest.mpd", Manifests.dash(canary("dash-video.mp4").path));
    }

    private Path concat() throws Exception {
        return write("list.ffconcat", Manifests.concat(canary("concat-video.mp4").path.getFileName().toString()));
    }

    /** A JPEG named like an image sequence whose next frame is a canary. */
    private Path imageSequence() throws Exception {
        canary("frame-001.jpg");
        return Files.copy(TestVideos.jpeg(), dir.resolve("frame-%03d.jpg"));
    }

    @Test
    void playlistsManifestsListsAndOtherContainersAreRefusedWithoutOpeningWhatTheyName() throws Exception {
        Map<Path, List<String>> refusals = new LinkedHashMap<>();
        refusals.put(hls("playlist.m3u8"), List.of(MediaProbe.OTHER_CONTAINER));
        // Under a video's name the text is either not taken for a playlist at all or guessed as another demuxer.
        refusals.put(hls("playlist-named.mkv"), List.of(MediaProbe.NOT_A_VIDEO, MediaProbe.OTHER_CONTAINER));
        refusals.put(hls("playlist-named.avi"), List.of(MediaProbe.NOT_A_VIDEO, MediaProbe.OTHER_CONTAINER));
        refusals.put(dash(), List.of(MediaProbe.OTHER_CONTAINER));
        refusals.put(concat(), List.of(MediaProbe.OTHER_CONTAINER));
        refusals.put(imageSequence(), List.of(MediaProbe.OTHER_CONTAINER));
        refusals.put(TestVideos.avi(), List.of(MediaProbe.OTHER_CONTAINER));

        refusals.forEach((file, messages) -> assertThatThrownBy(() -> MediaProbe.facts(TestVideos.ffmpeg().probe(file)))
                .as(file.getFileName().toString()).isInstanceOf(MediaRejectedException.class)
                .satisfies(refused -> assertThat(refused.getMessage()).isIn(messages)));
        assertNoneOpened();
    }

    @Test
    void conversionsForceTheStoredContainersDemuxerSoAManifestNeverPlays() throws Exception {
        Path manifest = dash();
        Path rendition = dir.resolve("rendition.mp4");
        Path thumbnail = dir.resolve("thumbnail.jpg");

        assertThatThrownBy(() -> TestVideos.ffmpeg().fit(manifest, "mp4", rendition, Ffmpeg.Fit.PAD, 4, percent -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("ffmpeg could not convert the video");
        assertThatThrownBy(() -> TestVideos.ffmpeg().thumbnail(manifest, "mp4", 0, thumbnail))
                .isInstanceOf(IOException.class);

        assertThat(rendition).doesNotExist();
        assertThat(thumbnail).doesNotExist();
        assertNoneOpened();
    }

    @Test
    void acceptedContainersStillProbe() {
        assertThat(MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.vertical())).container()).isEqualTo("mp4");
        assertThat(MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.webm())).container()).isEqualTo("webm");
    }

    @Test
    void onlyTheAcceptedContainersHaveADemuxer() {
        assertThat(List.of("mp4", "mov", "webm", "mkv").stream().map(Ffmpeg::demuxer))
                .containsExactly("mov", "mov", "matroska", "matroska");
        assertThatThrownBy(() -> Ffmpeg.demuxer("hls")).isInstanceOf(IllegalArgumentException.class);
    }
}
