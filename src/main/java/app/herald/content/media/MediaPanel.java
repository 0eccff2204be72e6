package app.herald.content.media;

import java.util.List;

import app.herald.content.ContentItem;
import app.herald.platform.Platform;
import app.herald.platform.SpecViolation;

/**
 * What the content and review pages show about an item's video: its facts, each target platform's verdict, the
 * renditions and whether to offer fitting.
 *
 * @param media      the attached video, or null
 * @param fileName   its file name as this item's author uploaded it
 * @param checks     one entry per target platform
 * @param offerFit   whether the video is not yet 1080 × 1920 (9:16)
 * @param busy       whether a rendition is queued or running (the page refreshes itself meanwhile)
 */
public record MediaPanel(MediaFile media, String fileName, List<PlatformCheck> checks, List<MediaRendition> renditions, boolean offerFit,
        boolean busy) {

    /** One platform's verdict on the video. */
    public record PlatformCheck(Platform platform, List<SpecViolation> violations) {
    }

    public static MediaPanel of(ContentItem item) {
        List<MediaRendition> renditions = MediaRendition.listFor(item.id);
        List<PlatformCheck> checks = item.media == null ? List.of()
                : item.platformSet().stream().map(platform -> new PlatformCheck(platform,
                        item.media.violations(List.of(platform)))).toList();
        return new MediaPanel(item.media, item.mediaName, checks, renditions, item.media != null && !item.media.facts().isVertical1080p(),
                renditions.stream().anyMatch(rendition -> rendition.status.active()));
    }

    public List<Ffmpeg.Fit> fits() {
        return List.of(Ffmpeg.Fit.values());
    }
}
