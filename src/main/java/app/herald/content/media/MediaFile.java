package app.herald.content.media;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.herald.content.ContentItem;
import app.herald.platform.MediaFacts;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import app.herald.platform.SpecViolation;
import app.herald.system.IdentifiedEntity;

/** One distinct video in the media folder (uploaded or rendered), with what ffprobe found in it. */
@Entity
@Table(name = "media_file")
public class MediaFile extends IdentifiedEntity {

    private static final Map<String, String> MIME_TYPES = Map.of("mp4", "video/mp4", "mov", "video/quicktime", "webm",
            "video/webm", "mkv", "video/x-matroska");

    @Column(nullable = false, length = 64, columnDefinition = "CHAR(64)")
    public String sha256;

    /** Path relative to the media folder. */
    @Column(name = "stored_name", nullable = false, length = 200)
    public String storedName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 20)
    public String container;

    @Column(name = "duration_seconds", nullable = false)
    public double durationSeconds;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(nullable = false)
    public int rotation;

    @Column(name = "video_codec", nullable = false, length = 40)
    public String videoCodec;

    @Column(name = "audio_codec", length = 40)
    public String audioCodec;

    @Column(name = "frame_rate", nullable = false)
    public double frameRate;

    @Column(name = "bit_rate", nullable = false)
    public long bitRate;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<MediaFile> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /** The row for a stored file: the existing one when the same bytes were recorded before, else a new one. */
    public static MediaFile record(MediaStorage.Stored stored, String user) {
        return findBySha256(stored.sha256()).orElseGet(() -> {
            MediaFacts facts = stored.facts();
            MediaFile media = new MediaFile();
            media.sha256 = stored.sha256();
            media.storedName = stored.storedName();
            media.sizeBytes = stored.sizeBytes();
            media.container = facts.container();
            media.durationSeconds = facts.durationSeconds();
            media.width = facts.width();
            media.height = facts.height();
            media.rotation = facts.rotation();
            media.videoCodec = facts.videoCodec();
            media.audioCodec = facts.audioCodec();
            media.frameRate = facts.frameRate();
            media.bitRate = facts.bitRate();
            media.createdBy = user;
            media.createdAt = Instant.now();
            media.persist();
            return media;
        });
    }

    /**
     * Deletes the row of media file {@code id} when no content item or rendition refers to it any more (another
     * item, maybe of another brand, may hold the same bytes); returns its stored name, whose file may then go.
     */
    static Optional<String> forgetIfUnreferenced(long id) {
        MediaFile media = findById(id);
        if (media == null || ContentItem.count("media", media) > 0
                || MediaRendition.count("source = ?1 or result = ?1", media) > 0) {
            return Optional.empty();
        }
        media.delete();
        return Optional.of(media.storedName);
    }

    /** The MIME type browsers expect for this container. */
    public String mimeType() {
        return MIME_TYPES.getOrDefault(container, "video/mp4");
    }

    /** The container of a stored video of {@code mimeType}, as {@link #mimeType()} named it. */
    static String container(String mimeType) {
        return MIME_TYPES.entrySet().stream().filter(entry -> entry.getValue().equals(mimeType)).map(Map.Entry::getKey)
                .findFirst().orElse("mp4");
    }

    public MediaFacts facts() {
        return new MediaFacts(container, durationSeconds, width, height, rotation, videoCodec, audioCodec, frameRate, bitRate);
    }

    /** Every spec violation of this video for the given platforms, in platform order. */
    public List<SpecViolation> violations(Collection<Platform> platforms) {
        MediaFacts facts = facts();
        return platforms.stream().sorted().flatMap(platform -> PlatformSpecs.checkMedia(platform, facts, sizeBytes).stream())
                .toList();
    }

    public String sizeText() {
        return PlatformSpecs.bytes(sizeBytes);
    }

    public String bitRateText() {
        return Math.round(bitRate / 1000.0) + " kb/s";
    }

    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
