package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStorageTest {

    @TempDir
    Path temp;

    @Test
    void theSameBytesAreStoredOnceUnderTheirHash() throws IOException {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 8 << 20, TestVideos.ffmpeg());

        MediaStorage.Stored first = store(storage, TestVideos.vertical());
        MediaStorage.Stored second = store(storage, TestVideos.vertical());

        assertThat(first.added()).isTrue();
        assertThat(second.added()).isFalse();
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(first.storedName()).isEqualTo(first.sha256().substring(0, 2) + "/" + first.sha256() + ".mp4");
        assertThat(first.sizeBytes()).isEqualTo(Files.size(TestVideos.vertical()));
        assertThat(files(storage.dir())).containsExactly(storage.resolve(first.storedName()));
    }

    @Test
    void aMediaFolderThatCannotBeWrittenRefusesWithAClearMessageAndLeavesNothing() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("media"), "a file where the media folder should be");
        MediaStorage storage = new MediaStorage(notAFolder, 8 << 20, TestVideos.ffmpeg());

        assertThatThrownBy(() -> store(storage, TestVideos.vertical())).isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("could not save the video: the disk may be full or the media folder not writable");
        assertThat(files(temp)).containsExactly(notAFolder);
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the media folder should be");
    }

    @Test
    void aFailingWriteMidwayLeavesNoPartialFile() throws IOException {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 8 << 20, TestVideos.ffmpeg());
        InputStream brokenUpload = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("No space left on device");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> storage.store(brokenUpload, kept -> kept)).isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("disk may be full");
        assertThat(files(storage.dir())).isEmpty();
    }

    @Test
    void overTheLimitStopsReadingAndKeepsNothing() {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 1000, TestVideos.ffmpeg());

        assertThatThrownBy(() -> storage.store(new ByteArrayInputStream(new byte[5000]), kept -> kept))
                .hasMessage("The file is larger than the 1000 bytes upload limit.");
        assertThat(files(storage.dir())).isEmpty();
    }

    @Test
    void emptyAndNonVideoFilesAreRefusedAndRemoved() {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 8 << 20, TestVideos.ffmpeg());

        assertThatThrownBy(() -> store(storage, TestVideos.empty())).hasMessage("The file is empty. Choose a video file.");
        assertThatThrownBy(() -> store(storage, TestVideos.textNamedMp4()))
                .hasMessage("This file is not a video Herald can read. Upload an MP4, MOV or WebM video.");
        assertThat(files(storage.dir())).isEmpty();
    }

    @Test
    void whenRecordingFailsTheFileThisCallAddedIsRemoved() throws IOException {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 8 << 20, TestVideos.ffmpeg());

        try (InputStream in = Files.newInputStream(TestVideos.vertical())) {
            assertThatThrownBy(() -> storage.store(in, stored -> {
                throw new IllegalStateException("the database is down");
            })).hasMessage("the database is down");
        }

        assertThat(files(storage.dir())).isEmpty();
    }

    @Test
    void aFileIsRemovedOnlyWhenItsRowIsForgotten() throws IOException {
        MediaStorage storage = new MediaStorage(temp.resolve("media"), 8 << 20, TestVideos.ffmpeg());
        MediaStorage.Stored stored = store(storage, TestVideos.vertical());

        storage.remove(stored.sha256(), Optional::empty);
        assertThat(files(storage.dir())).containsExactly(storage.resolve(stored.storedName()));

        storage.remove(stored.sha256(), () -> Optional.of(stored.storedName()));
        assertThat(files(storage.dir())).isEmpty();
    }

    private static MediaStorage.Stored store(MediaStorage storage, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return storage.store(in, kept -> kept);
        }
    }

    static List<Path> files(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
