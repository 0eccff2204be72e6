package app.herald.channel;

import app.herald.platform.Platform;

/**
 * The channel a connector call is for, as plain values (connectors run outside database transactions); {@code key}
 * names it for good, even across a database reset that hands its id out again.
 */
public record ChannelRef(long id, String key, Platform platform, boolean sandbox, String displayName,
        SandboxFailureMode failureMode, int failureMinutes) {

    public static ChannelRef of(Channel channel) {
        return new ChannelRef(channel.id, channel.id + "-" + channel.createdAt.toEpochMilli(), channel.platform,
                channel.sandbox, channel.displayName, channel.sandboxFailureMode, channel.sandboxFailureMinutes);
    }
}
