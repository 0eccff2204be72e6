package app.herald.channel;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.channel.youtube.YouTubeQuota;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** Channel pages: everyone reads the channels of their brands; admins add and edit them. */
@Path("/channels")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ChannelResource {

    private static final List<Platform> PLATFORMS = List.of(Platform.values());
    private static final List<ChannelStatus> STATUSES = List.of(ChannelStatus.values());
    private static final List<SandboxFailureMode> FAILURE_MODES = List.of(SandboxFailureMode.values());

    @Inject
    ChannelService channels;

    @Inject
    BrandAccess brands;

    @Inject
    SecurityIdentity identity;

    @Inject
    Flash flash;

    @Inject
    ChannelConnections connections;

    @Inject
    ChannelTokens tokens;

    @Inject
    YouTubeQuota quota;

    /** The channel form's fields as posted. */
    public static class FormFields {
        @RestForm
        Long brandId;
        @RestForm
        String platform;
        @RestForm
        boolean sandbox;
        @RestForm
        String displayName;
        @RestForm
        String timezone;
        @RestForm
        String status;
        @RestForm
        String dailyCap;
        @RestForm
        String minGapMinutes;
        @RestForm
        boolean platformPublishes;
        @RestForm
        String uploadLeadMinutes;

        ChannelForm toForm() {
            return new ChannelForm(brandId, platform, sandbox, displayName, timezone, status, dailyCap, minGapMinutes,
                    platformPublishes, uploadLeadMinutes);
        }
    }

    /** A platform's documented defaults, shown next to the form. */
    public record Defaults(Platform platform, int dailyCap, long minGapMinutes) {
        static List<Defaults> all() {
            return PLATFORMS.stream().map(platform -> new Defaults(platform, PlatformSpecs.of(platform).postsPer24h(),
                    PlatformSpecs.of(platform).evenSpacing().toMinutes())).toList();
        }
    }

    /** A platform's "Connect" button, or why Herald cannot connect it yet ({@code missing}). */
    public record ConnectChoice(String slug, String label, String missing) {
    }

    /** A real channel's platform account: the one it holds tokens for (null when none) and how to connect it. */
    public record AccountLink(String account, ConnectChoice connect) {
    }

    @CheckedTemplate(basePath = "channel")
    static class Templates {
        static native TemplateInstance channels(List<Channel> channels, boolean canManage, ChannelForm form,
                List<Brand> brands, List<Platform> platforms, List<ChannelStatus> statuses, List<Defaults> defaults,
                String error, List<ConnectChoice> connect);

        static native TemplateInstance channel(Channel channel, boolean canManage, ChannelForm form,
                List<Platform> platforms, List<ChannelStatus> statuses, List<Defaults> defaults, String error,
                List<SandboxFailureMode> failureModes, AccountLink link, YouTubeQuota.Usage quota);
    }

    @GET
    public TemplateInstance list() {
        List<Brand> visible = brands.visibleBrands();
        ChannelForm empty = ChannelForm.empty(visible.isEmpty() ? null : visible.get(0).id,
                visible.isEmpty() ? "UTC" : visible.get(0).timezone);
        return listPage(empty, null);
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@BeanParam FormFields fields) {
        try {
            Channel channel = channels.create(fields.toForm());
            flash.success(channel.kindLabel() + " '" + channel.displayName + "' added.");
            return Response.seeOther(URI.create("/channels/" + channel.id)).build();
        } catch (ChannelException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(listPage(fields.toForm(), e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Channel channel = channels.find(id);
        return channelPage(channel, ChannelForm.of(channel), null);
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public Response update(@PathParam("id") long id, @BeanParam FormFields fields) {
        try {
            Channel channel = channels.update(id, fields.toForm());
            flash.success("Channel '" + channel.displayName + "' saved.");
            return Response.seeOther(URI.create("/channels/" + id)).build();
        } catch (ChannelException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(channelPage(channels.find(id), fields.toForm(),
                    e.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/sandbox")
    @RolesAllowed(Role.Names.ADMIN)
    public Response failureMode(@PathParam("id") long id, @RestForm String failureMode, @RestForm String failureMinutes) {
        try {
            Channel channel = channels.setFailureMode(id, failureMode, failureMinutes);
            flash.success("Sandbox failure mode of '" + channel.displayName + "': " + channel.sandboxFailureMode.label() + ".");
            return Response.seeOther(URI.create("/channels/" + id)).build();
        } catch (ChannelException e) {
            Channel channel = channels.find(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(channelPage(channel, ChannelForm.of(channel),
                    e.getMessage())).build();
        }
    }

    /**
     * A channel's page: a real channel shows its connected account, a real YouTube channel its Google project's
     * quota used today.
     */
    private TemplateInstance channelPage(Channel channel, ChannelForm form, String error) {
        YouTubeQuota.Usage usage = channel.platform == Platform.YOUTUBE_SHORTS && !channel.sandbox ? quota.today() : null;
        return Templates.channel(channel, canManage(), form, PLATFORMS, STATUSES, Defaults.all(), error, FAILURE_MODES,
                link(channel), usage);
    }

    private TemplateInstance listPage(ChannelForm form, String error) {
        List<Brand> visible = brands.visibleBrands();
        return Templates.channels(Channel.listIn(brands.scope()), canManage(), form, visible, PLATFORMS, STATUSES,
                Defaults.all(), error, connections.platforms().stream().map(ChannelResource::choice).toList());
    }

    /** The account link of a real channel; none for a Sandbox channel. */
    private AccountLink link(Channel channel) {
        if (channel.sandbox) {
            return null;
        }
        return new AccountLink(tokens.connectedAccount(channel.id).orElse(null),
                connections.forPlatform(channel.platform).map(ChannelResource::choice).orElse(null));
    }

    private static ConnectChoice choice(PlatformOAuth oauth) {
        return new ConnectChoice(oauth.slug(), oauth.platform().label(), oauth.missingSettings().orElse(null));
    }

    private boolean canManage() {
        return identity.hasRole(Role.Names.ADMIN);
    }
}
