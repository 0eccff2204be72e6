package app.herald.content.media;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Manual check, not part of {@code mvn verify}: streams a generated video of about 1 GB through the upload code path
 * ({@link MediaStorage#store}: copy with SHA-256, size limit, ffprobe, move into place) in a JVM whose heap is far
 * smaller, and prints time, throughput and peak heap. Run it as the README says (with {@code -Xmx256m}).
 */
public final class LargeUploadCheck {

    private LargeUploadCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "large-upload-check").toAbsolutePath());
        Path video = work.resolve("large.mkv");
        // Uncompressed 1080×1920 frames (about 3 MB each): a real, probe-able video of ~1 GB in a few seconds.
        Ffmpeg ffmpeg = TestVideos.ffmpeg();
        if (!Files.exists(video)) {
            Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=1080x1920:rate=30", "-frames:v",
                    "340", "-c:v", "rawvideo", "-pix_fmt", "yuv420p", video.toString()), Duration.ofMinutes(10));
            if (made.exitCode() != 0) {
                throw new IllegalStateException(made.errors());
            }
        }
        long size = Files.size(video);
        MediaStorage storage = new MediaStorage(work.resolve("media"), 4L << 30, ffmpeg);
        long maxHeap = Runtime.getRuntime().maxMemory();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        MediaStorage.Stored stored;
        try (InputStream in = Files.newInputStream(video)) {
            stored = storage.store(in, kept -> kept);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "Stored %s (%d bytes, %s, %s s) in %.1f s = %.0f MB/s; max heap %d MB, peak heap"
                + " used %d MB (summed pool peaks)%n", stored.storedName(), size, stored.facts().dimensions(),
                stored.facts().durationText(), seconds, size / 1048576.0 / seconds, maxHeap >> 20, peakHeap >> 20);
        Files.delete(storage.resolve(stored.storedName()));
    }
}
