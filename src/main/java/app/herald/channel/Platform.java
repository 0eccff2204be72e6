package app.herald.channel;
/** The short-video platforms Herald publishes to. */
public enum Platform { YOUTUBE_SHORTS, TIKTOK, FACEBOOK_REELS }
