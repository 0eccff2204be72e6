package app.herald.channel.sandbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.PathPart;

import app.herald.account.Role;
import app.herald.channel.ChannelService;
import io.smallrye.common.annotation.Blocking;

/** The Sandbox platform's "watch" URL: the published video, played inline, for members of the channel's brand. */
@Path("/sandbox/videos")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class SandboxVideoResource {

    @Inject
    SandboxConnector sandbox;

    @Inject
    ChannelService channels;

    @GET
    @Path("{videoId}")
    public Response watch(@PathParam("videoId") String videoId) {
        SandboxConnector.Watchable video = sandbox.watchable(videoId).orElseThrow(NotFoundException::new);
        channels.find(video.channelId());
        long size = video.file().toFile().length();
        return Response.ok(new PathPart(video.file(), 0, size), video.mimeType())
                .header("Content-Disposition", "inline")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
