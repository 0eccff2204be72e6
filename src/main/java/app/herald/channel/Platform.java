package app.herald.channel;

/** The short-video platforms Herald publishes to. */
public enum Platform {
    YOUTUBE_SHORTS("YouTube Shorts"),
    TIKTOK("TikTok"),
    FACEBOOK_REELS("Facebook Reels");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    /** The platform's name as its users know it. */
    public String label() {
        return label;
    }
}
