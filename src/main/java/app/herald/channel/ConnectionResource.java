package app.herald.channel;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import app.herald.account.Role;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * Admins connect platform accounts (consent on the platform, its callback, the Facebook Page choice) and disconnect
 * them again; every outcome lands on a page with a message saying what happened.
 */
@Path("/channels")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ConnectionResource {

    @Inject
    ChannelConnections connections;

    @Inject
    ChannelService channels;

    @Inject
    ChannelTokens tokens;

    @Inject
    Flash flash;

    @CheckedTemplate(basePath = "channel")
    static class Templates {
        static native TemplateInstance pages(ChannelConnections.PendingPages pending, String error);

        static native TemplateInstance disconnect(Channel channel, String account, String error);
    }

    /** Sends the admin to the platform's consent page for an account of {@code brand}. */
    @GET
    @Path("connect/{platform}")
    public Response connect(@PathParam("platform") String slug, @RestQuery Long brand, @Context UriInfo request) {
        PlatformOAuth oauth = connections.platform(slug);
        if (brand == null) {
            return back("Choose the brand the " + oauth.platform().label() + " account posts for.");
        }
        try {
            return Response.seeOther(connections.start(oauth, brand, connections.redirectUri(oauth, request.getBaseUri())))
                    .build();
        } catch (ChannelException e) {
            return back(e.getMessage());
        }
    }

    /** Where the platform sends the admin back after the consent, with a code (or an error) and the state. */
    @GET
    @Path("oauth/{platform}/callback")
    public Response callback(@PathParam("platform") String slug, @RestQuery String state, @RestQuery String code,
            @RestQuery String error, @RestQuery("error_description") String errorDescription) {
        PlatformOAuth oauth = connections.platform(slug);
        try {
            ChannelConnections.Outcome outcome = connections.callback(oauth, state, code, error, errorDescription);
            if (outcome.choosePages() != null) {
                return Response.seeOther(URI.create("/channels/oauth/facebook/pages/" + outcome.choosePages())).build();
            }
            return connected(outcome.channel());
        } catch (ChannelException e) {
            return back(e.getMessage());
        }
    }

    @GET
    @Path("oauth/facebook/pages/{connection}")
    public Response pages(@PathParam("connection") long connection) {
        try {
            return Response.ok(Templates.pages(connections.pages(connection), null)).build();
        } catch (ChannelException e) {
            return back(e.getMessage());
        }
    }

    @POST
    @Path("oauth/facebook/pages/{connection}")
    public Response choose(@PathParam("connection") long connection, @RestForm String pageId) {
        try {
            return connected(connections.choose(connection, pageId));
        } catch (ChannelException refused) {
            try {
                return Response.status(Response.Status.BAD_REQUEST).entity(Templates.pages(connections.pages(connection),
                        refused.getMessage())).build();
            } catch (ChannelException closed) {
                return back(refused.getMessage());
            }
        }
    }

    /** The confirmation step before a disconnection. */
    @GET
    @Path("{id}/disconnect")
    public TemplateInstance confirmDisconnect(@PathParam("id") long id) {
        Channel channel = channels.find(id);
        return Templates.disconnect(channel, tokens.connectedAccount(id).orElse(null), null);
    }

    @POST
    @Path("{id}/disconnect")
    public Response disconnect(@PathParam("id") long id, @RestForm boolean confirm) {
        try {
            ChannelConnections.Disconnected done = connections.disconnect(id, confirm);
            String said = done.revocation().message();
            String message = done.channel().label() + " disconnected: its tokens are deleted. " + said;
            if (done.revocation().revoked()) {
                flash.success(message);
            } else {
                flash.error(message);
            }
            return Response.seeOther(URI.create("/channels/" + id)).build();
        } catch (ChannelException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.disconnect(channels.find(id),
                    tokens.connectedAccount(id).orElse(null), e.getMessage())).build();
        }
    }

    private Response connected(Channel channel) {
        flash.success(channel.kindLabel() + " '" + channel.displayName + "' connected"
                + (channel.status == ChannelStatus.PAUSED ? "; it stays paused until you set it active." : "."));
        return Response.seeOther(URI.create("/channels/" + channel.id)).build();
    }

    private Response back(String message) {
        flash.error(message);
        return Response.seeOther(URI.create("/channels")).build();
    }
}
