package app.herald.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.herald.brand.Brand;
import app.herald.content.media.MediaFile;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/** One piece of content: the universal core, its per-platform variants and where it stands in review. */
@Entity
@Table(name = "content_item")
public class ContentItem extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "brand_id")
    public Brand brand;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "core_message", columnDefinition = "TEXT")
    public String coreMessage;

    @Column(columnDefinition = "TEXT")
    public String description;

    @Column(length = 500)
    public String hashtags;

    @Column(length = 300)
    public String audience;

    @Column(length = 120)
    public String niche;

    @Column(name = "call_to_action", length = 300)
    public String callToAction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public SequencingStrategy sequencing = SequencingStrategy.BALANCED;

    /** Target platforms, comma-separated {@link Platform} names. */
    @Column(nullable = false, length = 100)
    public String platforms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ContentState state = ContentState.DRAFT;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Who sent the current submission to review (or sent it back by editing approved content). */
    @Column(name = "submitted_by", length = 64)
    public String submittedBy;

    /** Who, besides the creator, edited the item while it was a draft: those edits left no revision. */
    @ElementCollection
    @CollectionTable(name = "content_draft_editor", joinColumns = @JoinColumn(name = "content_id"))
    @Column(name = "username", length = 64)
    public Set<String> draftEditors = new HashSet<>();

    /** The earliest time the marketer plans to publish; the review queue warns when it is near. */
    @Column(name = "planned_publish_at")
    public Instant plannedPublishAt;

    @Column(name = "current_revision_id")
    public Long currentRevisionId;

    @Column(name = "approved_revision_id")
    public Long approvedRevisionId;

    /** The video posted with the content; its SHA-256 is part of every revision. */
    @ManyToOne
    @JoinColumn(name = "media_id")
    public MediaFile media;

    /** The video's file name as this item's author uploaded it (shown escaped; never used as a path). */
    @Column(name = "media_name", length = 255)
    public String mediaName;

    @Version
    public int version;

    @OneToMany(mappedBy = "content", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("platform")
    public List<ContentVariant> variants = new ArrayList<>();

    public Set<Platform> platformSet() {
        if (platforms == null || platforms.isBlank()) {
            return EnumSet.noneOf(Platform.class);
        }
        return Arrays.stream(platforms.split(",")).map(Platform::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
    }

    public void setPlatforms(Set<Platform> chosen) {
        platforms = chosen.stream().sorted().map(Platform::name).collect(Collectors.joining(","));
    }

    public Optional<ContentVariant> variant(Platform platform) {
        return variants.stream().filter(variant -> variant.platform == platform).findFirst();
    }

    public Optional<ContentRevision> currentRevision() {
        return currentRevisionId == null ? Optional.empty() : Optional.ofNullable(ContentRevision.findById(currentRevisionId));
    }

    public boolean isApprovedRevisionCurrent() {
        return approvedRevisionId != null && approvedRevisionId.equals(currentRevisionId);
    }
}
