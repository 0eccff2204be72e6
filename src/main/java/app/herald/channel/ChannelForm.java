package app.herald.channel;

import java.time.ZoneId;

import app.herald.platform.Platform;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;
import app.herald.system.Zones;

/**
 * What the channel form holds, as typed; {@link #validated()} checks it so create and edit refuse the same things.
 * A blank daily cap or gap takes the platform's documented default (see {@link PlatformSpecs}).
 */
public record ChannelForm(Long brandId, String platform, boolean sandbox, String displayName, String timezone,
        String status, String dailyCap, String minGapMinutes, boolean platformPublishes, String uploadLeadMinutes) {

    /** Upload lead proposed when a channel starts letting the platform publish. */
    public static final int DEFAULT_LEAD_MINUTES = 60;
    /** Time an upload gets on top of the platform's own minimum notice. */
    static final int UPLOAD_MARGIN_MINUTES = 5;
    static final int MAX_LEAD_MINUTES = 24 * 60;

    /** The checked form: typed values, defaults filled in; {@code uploadLeadMinutes} null when Herald publishes. */
    public record Valid(long brandId, Platform platform, boolean sandbox, String displayName, ZoneId zone,
            ChannelStatus status, int dailyCap, int minGapMinutes, Integer uploadLeadMinutes) {

        void applyTo(Channel channel) {
            channel.platform = platform;
            channel.sandbox = sandbox;
            channel.displayName = displayName;
            channel.timezone = zone.getId();
            channel.status = status;
            channel.dailyCap = dailyCap;
            channel.minGapMinutes = minGapMinutes;
            channel.uploadLeadMinutes = uploadLeadMinutes;
        }
    }

    public static ChannelForm empty(Long brandId, String timezone) {
        return new ChannelForm(brandId, Platform.TIKTOK.name(), false, "", timezone, ChannelStatus.ACTIVE.name(), "", "", false,
                String.valueOf(DEFAULT_LEAD_MINUTES));
    }

    public static ChannelForm of(Channel channel) {
        return new ChannelForm(channel.brand.id, channel.platform.name(), channel.sandbox, channel.displayName,
                channel.timezone, channel.status.name(), String.valueOf(channel.dailyCap),
                String.valueOf(channel.minGapMinutes), channel.uploadLeadMinutes != null,
                String.valueOf(channel.uploadLeadMinutes != null ? channel.uploadLeadMinutes : DEFAULT_LEAD_MINUTES));
    }

    public Valid validated() {
        if (brandId == null) {
            throw new ChannelException("Choose the brand this channel posts for.");
        }
        Platform chosenPlatform = parse(Platform.class, platform, "Choose a platform.");
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new ChannelException("Display name is required, at most 120 characters.");
        }
        ZoneId zone = Zones.require(timezone == null ? "" : timezone.strip(), ChannelException::new);
        ChannelStatus chosenStatus = parse(ChannelStatus.class, status, "Choose a status.");
        PlatformSpec spec = PlatformSpecs.of(chosenPlatform);
        int cap = number(dailyCap, spec.postsPer24h(), "Daily cap");
        if (cap < 1 || cap > spec.postsPer24h()) {
            throw new ChannelException("Daily cap must be between 1 and " + spec.postsPer24h() + " (" + chosenPlatform.label()
                    + " allows " + spec.postsPer24h() + " posts per 24 h).");
        }
        int gap = number(minGapMinutes, (int) spec.evenSpacing().toMinutes(), "Minimum gap");
        if (gap < 0 || gap > 24 * 60) {
            throw new ChannelException("Minimum gap must be between 0 and 1440 minutes.");
        }
        return new Valid(brandId, chosenPlatform, sandbox, name, zone, chosenStatus, cap, gap, lead(chosenPlatform, spec));
    }

    /** The upload lead when the platform is to publish at the slot: only where its API schedules, long enough for it. */
    private Integer lead(Platform chosenPlatform, PlatformSpec spec) {
        if (!platformPublishes) {
            return null;
        }
        if (!spec.schedulesOnPlatform()) {
            throw new ChannelException(chosenPlatform.label() + " cannot publish at a set time through its API: Herald"
                    + " publishes " + chosenPlatform.label() + " posts at the slot itself. Untick \"Upload ahead\".");
        }
        if (sandbox) {
            throw new ChannelException("Sandbox channels publish at the slot; uploading ahead is for real "
                    + chosenPlatform.label() + " channels.");
        }
        int min = (int) spec.earliestSchedule().toMinutes() + UPLOAD_MARGIN_MINUTES;
        int lead = number(uploadLeadMinutes, DEFAULT_LEAD_MINUTES, "Upload lead");
        if (lead < min || lead > MAX_LEAD_MINUTES) {
            throw new ChannelException("Upload lead must be between " + min + " and " + MAX_LEAD_MINUTES + " minutes: "
                    + chosenPlatform.label() + " needs the video at least " + spec.earliestSchedule().toMinutes()
                    + " minutes before it publishes it, and the upload needs time.");
        }
        return lead;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String message) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new ChannelException(message);
    }

    private static int number(String text, int fallback, String label) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ChannelException(label + " must be a whole number.");
        }
    }
}
