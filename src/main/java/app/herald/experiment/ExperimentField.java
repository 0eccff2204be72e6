package app.herald.experiment;

import app.herald.platform.Platform;

/**
 * Which part of a post the arms vary, everything else staying the content's own, and where that part lives in a
 * platform's variant: the title (platforms with a title of their own), the whole caption / description, or its hook
 * (the first paragraph, before the first blank line).
 */
public enum ExperimentField {
    TITLE("Title"),
    CAPTION("Caption / description"),
    HOOK("Hook (opening line)"),
    THUMBNAIL("Thumbnail (text or frame description)");

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
        if (this == THUMBNAIL) {
            return "Herald uploads a post's video and text only, not a custom thumbnail, so it cannot post thumbnail arms:"
                    + " test the title, caption or hook.";
        }
        if (this == TITLE && !platform.hasTitle()) {
            return platform.label() + " posts have no title of their own in Herald: test the caption or hook there.";
        }
        return null;
    }

    /** This field's text in a post's {@code title} and {@code body}. */
    String read(String title, String body) {
        return switch (this) {
            case TITLE -> orEmpty(title).strip();
            case CAPTION -> orEmpty(body).strip();
            case HOOK -> hook(orEmpty(body));
            case THUMBNAIL -> throw new IllegalStateException(refusal(Platform.TIKTOK));
        };
    }

    /** The post's body with this field set to {@code text} (the title is set by the caller for {@link #TITLE}). */
    String replaceInBody(String body, String text) {
        String current = orEmpty(body).strip();
        return switch (this) {
            case TITLE -> current;
            case CAPTION -> text;
            case HOOK -> current.contains(PARAGRAPH) ? text + current.substring(current.indexOf(PARAGRAPH)) : text;
            case THUMBNAIL -> throw new IllegalStateException(refusal(Platform.TIKTOK));
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
