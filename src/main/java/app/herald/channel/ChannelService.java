package app.herald.channel;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;

/** Creates and edits channels of the brands the user may see, auditing each change. */
@ApplicationScoped
@Transactional
public class ChannelService {

    public static final String AUDIT_SUBJECT = "CHANNEL";

    @Inject
    AuditService audit;

    @Inject
    BrandAccess brands;

    public Channel create(ChannelForm form) {
        ChannelForm.Valid valid = form.validated();
        Brand brand = brands.requireVisible(valid.brandId());
        requireUniqueName(brand, valid, null);
        Channel channel = new Channel();
        channel.brand = brand;
        channel.createdAt = Instant.now();
        valid.applyTo(channel);
        channel.persist();
        audit.record(AuditAction.CHANNEL_CREATED, AUDIT_SUBJECT, channel.id, channel.label()).brand(channel.brand.id)
                .transition(null, channel.status).write();
        return channel;
    }

    public Channel update(long channelId, ChannelForm form) {
        ChannelForm.Valid valid = form.validated();
        Channel channel = find(channelId);
        if (!channel.brand.id.equals(valid.brandId())) {
            throw new ChannelException("A channel cannot move to another brand; create it there instead.");
        }
        requireUniqueName(channel.brand, valid, channel.id);
        ChannelStatus before = channel.status;
        valid.applyTo(channel);
        // Publications not yet under way follow the channel's choice of who publishes at the slot (native SQL: the
        // calendar feature owns publications and builds on this one).
        Channel.getEntityManager().createNativeQuery("UPDATE publication SET upload_lead_minutes = :lead"
                        + " WHERE channel_id = :channel AND status = 'SCHEDULED'")
                .setParameter("lead", channel.uploadLeadMinutes == null ? 0 : channel.uploadLeadMinutes)
                .setParameter("channel", channel.id).executeUpdate();
        audit.record(AuditAction.CHANNEL_UPDATED, AUDIT_SUBJECT, channel.id, channel.label()).brand(channel.brand.id)
                .transition(before, channel.status)
                .comment("Zone " + channel.timezone + ", cap " + channel.dailyCap + "/day, gap " + channel.minGapMinutes + " min, "
                        + channel.publishingLabel())
                .write();
        return channel;
    }

    /** Sets how a Sandbox channel misbehaves on purpose; refused for a real channel. */
    public Channel setFailureMode(long channelId, String mode, String minutes) {
        Channel channel = find(channelId);
        if (!channel.sandbox) {
            throw new ChannelException("Only Sandbox channels have a failure mode: " + channel.label() + " posts for real.");
        }
        SandboxFailureMode chosen;
        try {
            chosen = SandboxFailureMode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw new ChannelException("Choose a failure mode.");
        }
        int length;
        try {
            length = Integer.parseInt(minutes == null || minutes.isBlank() ? "5" : minutes.strip());
        } catch (NumberFormatException e) {
            throw new ChannelException("Minutes rate-limited must be a whole number.");
        }
        if (length < 1 || length > 1440) {
            throw new ChannelException("Minutes rate-limited must be between 1 and 1440.");
        }
        SandboxFailureMode before = channel.sandboxFailureMode;
        channel.sandboxFailureMode = chosen;
        channel.sandboxFailureMinutes = length;
        audit.record(AuditAction.CHANNEL_UPDATED, AUDIT_SUBJECT, channel.id, channel.label()).brand(channel.brand.id)
                .comment("Sandbox failure mode " + before + " -> " + chosen
                        + (chosen == SandboxFailureMode.RATE_LIMITED ? " (" + length + " min)" : ""))
                .write();
        return channel;
    }

    /** The channel if its brand is visible to the user (404 otherwise); see ContentService.find for SUPPORTS. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Channel find(long channelId) {
        return brands.findVisible(Channel.class, channelId, channel -> channel.brand);
    }

    private static void requireUniqueName(Brand brand, ChannelForm.Valid valid, Long exceptId) {
        long clashes = Channel.count("brand = ?1 and platform = ?2 and displayName = ?3 and id <> ?4", brand,
                valid.platform(), valid.displayName(), exceptId == null ? -1L : exceptId);
        if (clashes > 0) {
            throw new ChannelException(brand.name + " already has a " + valid.platform().label() + " channel named '"
                    + valid.displayName() + "'.");
        }
    }
}
