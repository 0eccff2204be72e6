package app.herald.channel.youtube;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import app.herald.channel.ChannelRef;
import app.herald.channel.ChannelTokens;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.SandboxFailureMode;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Manual check, not part of {@code mvn verify}: pushes a 1 GiB (sparse) file through the real YouTube connector's
 * resumable upload (session, 8 MiB chunks read from the file one at a time as the dispatcher reads them, 308 between
 * chunks, the status query naming the video) to a tiny local HTTP server that counts the bytes and discards them, in
 * a JVM whose heap is a quarter of the file; prints the bytes the server received and the peak heap. Run it as the
 * README says (with {@code -Xmx256m}).
 */
public final class YouTubeLargeUploadCheck {

    private static final long SIZE = 1L << 30;
    private static final int CHUNK = 8 * 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private YouTubeLargeUploadCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "youtube-large-upload-check").toAbsolutePath());
        Path video = work.resolve("large.mp4");
        try (RandomAccessFile file = new RandomAccessFile(video.toFile(), "rw")) {
            file.setLength(SIZE);
        }
        AtomicLong received = new AtomicLong();
        HttpServer server = server(received);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HeraldConfig config = new SmallRyeConfigBuilder().withMapping(HeraldConfig.class)
                    .withDefaultValue("herald.data-dir", work.toString())
                    .withDefaultValue("herald.secret-key", "large-upload-check-secret-key-0123456789")
                    .withDefaultValue("herald.youtube.upload-base", base)
                    .withDefaultValue("herald.youtube.client-id", "check")
                    .withDefaultValue("herald.youtube.client-secret", "check")
                    .withDefaultValue("herald.youtube.chunk-size", String.valueOf(CHUNK))
                    .build().getConfigMapping(HeraldConfig.class);
            YouTubeConnector youtube = new YouTubeConnector(config, new ChannelTokens(config) {
                @Override
                public String accessToken(ChannelRef channel, String platform) {
                    return "check-token";
                }
            });
            youtube.quota = new YouTubeQuota() {
                @Override
                public void spend(Bucket bucket, String method) {
                    // No database here: the quota is not what this check measures.
                }
            };
            ChannelRef channel = new ChannelRef(1, "1-1", Platform.YOUTUBE_SHORTS, false, "Check", SandboxFailureMode.NONE, 0);
            PublishRequest request = new PublishRequest(1, channel, video, SIZE, "video/mp4", "Large", "1 GiB through the"
                    + " connector", "herald-check");
            long maxHeap = Runtime.getRuntime().maxMemory();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

            AtomicLong sampledPeak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            PlatformHandle handle = youtube.start(request);
            int chunks = 0;
            while (handle.offset() < SIZE) {
                handle = youtube.send(request, handle, read(video, handle.offset(), (int) Math.min(CHUNK, SIZE - handle.offset())));
                chunks++;
            }
            handle = youtube.finish(request, handle);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();

            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "Uploaded %d bytes in %d chunks as video %s; the server received %d bytes in %.1f s"
                    + " = %.0f MB/s; max heap %d MB, peak heap used %d MB (sampled every 5 ms), %d MB (summed pool peaks,"
                    + " an upper bound)%n", SIZE, chunks, handle.videoId(), received.get(), seconds, SIZE / 1048576.0 / seconds,
                    maxHeap >> 20, sampledPeak.get() >> 20, peakHeap >> 20);
            if (received.get() != SIZE) {
                throw new IllegalStateException("The server received " + received.get() + " of " + SIZE + " bytes.");
            }
        } finally {
            server.stop(0);
            Files.deleteIfExists(video);
        }
    }

    /** One chunk, as the dispatcher reads it: a fresh array of the chunk's size, filled from the file at its offset. */
    private static byte[] read(Path file, long offset, int length) throws IOException {
        byte[] chunk = new byte[length];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            in.readFully(chunk);
        }
        return chunk;
    }

    /** The resumable protocol's answers, keeping only a byte count: the session, 308 with Range, 201 with the video. */
    private static HttpServer server(AtomicLong received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/upload/youtube/v3/videos", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("POST")) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Location", "/upload/youtube/v3/videos?uploadType=resumable&upload_id=L1");
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                Matcher range = RANGE.matcher(exchange.getRequestHeaders().getFirst("Content-Range"));
                if (range.matches()) {
                    long count = discard(exchange.getRequestBody());
                    received.addAndGet(count);
                }
                if (received.get() < SIZE) {
                    exchange.getResponseHeaders().add("Range", "bytes=0-" + (received.get() - 1));
                    exchange.sendResponseHeaders(308, -1);
                    return;
                }
                byte[] body = "{\"kind\":\"youtube#video\",\"id\":\"VLARGE\",\"status\":{\"uploadStatus\":\"uploaded\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        return server;
    }

    private static long discard(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        for (int read; (read = body.read(buffer)) >= 0;) {
            count += read;
        }
        return count;
    }
}
