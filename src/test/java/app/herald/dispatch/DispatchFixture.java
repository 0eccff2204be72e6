package app.herald.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.herald.calendar.CalendarFixture;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.channel.ChannelTokens;
import app.herald.channel.SandboxFailureMode;
import app.herald.content.ContentItem;
import app.herald.content.ContentVariant;
import app.herald.content.SequencingStrategy;
import app.herald.content.media.MediaFile;
import app.herald.platform.Platform;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Due Sandbox publications with a real file in the media folder, and a hook into each committed dispatch step (a
 * test stops a worker there as a crash would).
 */
@ApplicationScoped
public class DispatchFixture {

    static final Path MEDIA_DIR = Path.of("target", "test-data", "media").toAbsolutePath();

    static volatile Consumer<StepCommitted> hook;

    void onStep(@Observes StepCommitted step) {
        Consumer<StepCommitted> current = hook;
        if (current != null) {
            current.accept(step);
        }
    }

    /** Thrown by a hook to stop a worker between two steps, leaving its lease as a killed process would. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("worker killed by the test");
        }
    }

    public static long brand() {
        return CalendarFixture.brand("Europe/Berlin");
    }

    public static long sandboxChannel(long brand, Platform platform, SandboxFailureMode mode) {
        long id = CalendarFixture.channel(brand, platform, CalendarFixture.unique("Sandbox"), "Europe/Berlin", 1000, 0,
                ChannelStatus.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(id).sandboxFailureMode = mode);
        return id;
    }

    /** A real (not Sandbox) channel of {@code platform} connected with {@code tokens}, as the connect flow leaves it. */
    public static long connectedChannel(long brand, Platform platform, int dailyCap, ChannelTokens.Tokens tokens) {
        long id = CalendarFixture.channel(brand, platform, "Europe/Berlin", dailyCap, 0, ChannelStatus.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(id).sandbox = false);
        Arc.container().instance(ChannelTokens.class).get().store(id, tokens);
        return id;
    }

    /**
     * Lets the platform publish {@code publication} at {@code slot}: its channel uploads {@code leadMinutes} ahead, as
     * the channel form and the scheduling leave it.
     */
    public static void uploadAhead(long publication, Instant slot, int leadMinutes) {
        QuarkusTransaction.requiringNew().run(() -> {
            Publication row = Publication.findById(publication);
            row.scheduledAt = slot;
            row.uploadLeadMinutes = leadMinutes;
            row.channel.uploadLeadMinutes = leadMinutes;
        });
    }

    /** Approved content with a video of {@code bytes} random bytes, due on {@code channel} at {@code at}. */
    public static long duePublication(long brand, long channel, Instant at, int bytes) {
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Dispatch"), SequencingStrategy.BALANCED,
                EnumSet.allOf(Platform.class), "marketer");
        attachVideo(content, bytes);
        return CalendarFixture.publication(content, channel, at, PublicationStatus.SCHEDULED);
    }

    public static void attachVideo(long contentId, int bytes) {
        byte[] data = new byte[bytes];
        new Random(contentId).nextBytes(data);
        attach(contentId, data, 12);
    }

    /** Makes the real video {@code clip} (lasting {@code seconds}) the content's video, where the media store keeps it. */
    public static void attachClip(long contentId, Path clip, double seconds) {
        try {
            attach(contentId, Files.readAllBytes(clip), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attach(long contentId, byte[] data, double seconds) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String stored = sha + ".mp4";
        try {
            Files.createDirectories(MEDIA_DIR);
            Files.write(MEDIA_DIR.resolve(stored), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MediaFile media = MediaFile.findBySha256(sha).orElseGet(() -> {
                MediaFile created = new MediaFile();
                created.sha256 = sha;
                created.storedName = stored;
                created.sizeBytes = data.length;
                created.container = "mp4";
                created.durationSeconds = seconds;
                created.width = 1080;
                created.height = 1920;
                created.videoCodec = "h264";
                created.audioCodec = "aac";
                created.frameRate = 30;
                created.bitRate = 4_000_000;
                created.createdBy = "marketer";
                created.createdAt = Instant.now();
                created.persist();
                return created;
            });
            ContentItem.<ContentItem>findById(contentId).media = media;
        });
    }

    /**
     * What a thumbnail arm's post carries: its content's variant on the publication's platform shows the frame at
     * {@code millis} as its cover.
     */
    public static void coverFrame(long publicationId, int millis) {
        QuarkusTransaction.requiringNew().run(() -> {
            Publication publication = Publication.findById(publicationId);
            ContentItem content = publication.content;
            ContentVariant variant = content.variant(publication.channel.platform).orElseGet(() -> {
                ContentVariant created = new ContentVariant();
                created.content = content;
                created.platform = publication.channel.platform;
                created.body = "Cover test";
                content.variants.add(created);
                return created;
            });
            variant.coverMs = millis;
        });
    }

    static Path videoFile(long publicationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                MEDIA_DIR.resolve(Publication.<Publication>findById(publicationId).content.media.storedName));
    }

}
