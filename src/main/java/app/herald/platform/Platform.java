package app.herald.platform;

/** The short-video platforms Herald publishes to, with the text fields each post carries. */
public enum Platform {
    YOUTUBE_SHORTS("YouTube Shorts", true, "Description"),
    TIKTOK("TikTok", false, "Caption"),
    FACEBOOK_REELS("Facebook Reels", false, "Description");

    private final String label;
    private final boolean hasTitle;
    private final String textLabel;

    Platform(String label, boolean hasTitle, String textLabel) {
        this.label = label;
        this.hasTitle = hasTitle;
        this.textLabel = textLabel;
    }

    /** The platform's name as its users know it. */
    public String label() {
        return label;
    }

    /** Whether a post has a separate title (YouTube) or only its text. */
    public boolean hasTitle() {
        return hasTitle;
    }

    /** What the platform calls a post's main text: "Description" or "Caption" (rules address it as "description"). */
    public String textLabel() {
        return textLabel;
    }
}
