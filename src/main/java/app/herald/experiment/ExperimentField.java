package app.herald.experiment;

import app.herald.content.ContentVariant;
import app.herald.platform.CoverFrame;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;

/**
 * Which part of a post the arms vary, everything else staying the content's own, and where that part lives in a
 * platform's variant: the title (platforms with a title of their own), the whole caption / description, its hook
 * (the first paragraph, before the first blank line), or the thumbnail as a cover frame (the second of the video the
 * post shows as its cover, on platforms where Herald sets one).
 */
public enum ExperimentField {
    TITLE("Title"),
    CAPTION("Caption / description"),
    HOOK("Hook (opening line)"),
    THUMBNAIL("Thumbnail (cover frame)");

    private static final String PARAGRAPH = "\n\n";

    private final String label;

    ExperimentField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Why Herald cannot post arms of this field on {@code platform}; null when it can. */
    String refusal(Platform platform) {
        if (this == THUMBNAIL && !PlatformSpecs.of(platform).setsCoverFrame()) {
            return "Herald does not set " + platform.label() + " covers (the platform shows its own), so it cannot post"
                    + " thumbnail arms there: test the caption or hook there, or thumbnails on YouTube Shorts or TikTok.";
        }
        if (this == TITLE && !platform.hasTitle()) {
            return platform.label() + " posts have no title of their own in Herald: test the caption or hook there.";
        }
        return null;
    }

    /** How an arm's value shows on the pages: its text, or "Cover frame at 1.5 s". */
    String shown(String value) {
        return this == THUMBNAIL ? CoverFrame.parse(value).map(CoverFrame::label).orElse(value) : value;
    }

    /** This field's value in a post's variant: its text, or the cover frame's second as arms hold it. */
    String read(ContentVariant variant) {
        return switch (this) {
            case TITLE -> orEmpty(variant.title).strip();
            case CAPTION -> orEmpty(variant.body).strip();
            case HOOK -> hook(orEmpty(variant.body));
            case THUMBNAIL -> variant.coverMs == null ? "" : variant.cover().secondsText();
        };
    }

    /**
     * The post's body with this field set to {@code text} (the title is set by the caller for {@link #TITLE}, the cover
     * frame for {@link #THUMBNAIL}).
     */
    String replaceInBody(String body, String text) {
        String current = orEmpty(body).strip();
        return switch (this) {
            case TITLE, THUMBNAIL -> current;
            case CAPTION -> text;
            case HOOK -> current.contains(PARAGRAPH) ? text + current.substring(current.indexOf(PARAGRAPH)) : text;
        };
    }

    private static String hook(String body) {
        String current = body.strip();
        return current.contains(PARAGRAPH) ? current.substring(0, current.indexOf(PARAGRAPH)).strip() : current;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
