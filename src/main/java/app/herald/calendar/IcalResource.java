package app.herald.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import app.herald.account.AppUser;
import io.smallrye.common.annotation.Blocking;

/**
 * The iCalendar feed calendar apps poll. They cannot sign in, so the route is open and the token in the URL is the
 * credential: an unknown or revoked token answers 404, revealing nothing.
 */
@Path("/calendar.ics")
@PermitAll
@Blocking
public class IcalResource {

    @Inject
    IcalFeed feed;

    @GET
    public Response feed(@QueryParam("token") String token, @Context UriInfo uri) {
        AppUser owner = feed.owner(token);
        if (owner == null) {
            throw new NotFoundException();
        }
        return Response.ok(feed.render(owner, uri.getBaseUri()), "text/calendar; charset=utf-8")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
