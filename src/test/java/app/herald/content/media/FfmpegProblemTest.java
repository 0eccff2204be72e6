package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffmpeg that cannot run is reported, not thrown: the message names what is missing and what to do. */
class FfmpegProblemTest {

    @TempDir
    Path dir;

    /** Executables that fail as the dynamic linker does when libpulse is not installed. */
    static Path withoutLibpulse(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : new String[] { "ffmpeg", "ffprobe" }) {
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\necho \"" + name + ": error while loading shared libraries: libpulse.so.0:"
                    + " cannot open shared object file: No such file or directory\" >&2\nexit 127\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    @Test
    void aMissingSharedLibraryIsNamedWithItsPackage() throws IOException {
        assertThat(Ffmpeg.in(withoutLibpulse(dir)).problem())
                .contains("ffmpeg cannot run: libpulse.so.0 missing; install libpulse0 or set herald.media.ffmpeg-dir");
    }

    @Test
    void aFolderWithoutTheExecutablesSaysSo() {
        assertThat(Ffmpeg.in(dir.resolve("nothing-here")).problem().orElseThrow())
                .startsWith("ffmpeg cannot run: " + dir.resolve("nothing-here").resolve("ffprobe") + " is missing or not executable")
                .endsWith("set herald.media.ffmpeg-dir to a folder with working ffmpeg and ffprobe");
    }

    @Test
    void anyOtherFailureShowsWhatTheExecutablePrinted() {
        assertThat(Ffmpeg.diagnose("ffprobe", new Ffmpeg.Result(1, "", "Illegal instruction")))
                .isEqualTo("ffmpeg cannot run: ffprobe exited with status 1 (Illegal instruction); set herald.media.ffmpeg-dir"
                        + " to a folder with working ffmpeg and ffprobe");
    }

    @Test
    void theBundledExecutablesRunHereWithoutLoadingThemIntoTheJvm() {
        assertThat(Ffmpeg.bundled().problem()).isEmpty();
    }
}
