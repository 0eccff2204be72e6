package app.herald.calendar;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Calendar settings: each brand's blackout dates, when nothing may be published. Managers and admins edit them. */
@Path("/calendar/blackouts")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class BlackoutResource {

    @Inject
    BlackoutService blackouts;

    @Inject
    BrandAccess brands;

    @Inject
    RoleCheck roles;

    @Inject
    Flash flash;

    /** The add form's values, kept when it is refused. */
    public record Input(Long brandId, String day, String reason) {
    }

    @CheckedTemplate(basePath = "calendar")
    static class Templates {
        static native TemplateInstance blackouts(List<BlackoutDate> blackouts, List<Brand> brands, boolean canEdit,
                Input input, String error);
    }

    @GET
    public TemplateInstance list() {
        return page(new Input(null, "", ""), null);
    }

    @POST
    @RolesAllowed({ Role.Names.MANAGER, Role.Names.ADMIN })
    public Response add(@RestForm Long brandId, @RestForm String day, @RestForm String reason) {
        try {
            BlackoutDate added = blackouts.add(brandId, day, reason);
            flash.success(added.day + " is now a blackout date for " + added.brand.name + ".");
            return Response.seeOther(URI.create("/calendar/blackouts")).build();
        } catch (ScheduleException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(new Input(brandId, day, reason), e.getMessage()))
                    .build();
        }
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed({ Role.Names.MANAGER, Role.Names.ADMIN })
    public Response remove(@PathParam("id") long id) {
        BlackoutDate removed = blackouts.remove(id);
        flash.success(removed.day + " is no longer a blackout date for " + removed.brand.name + ".");
        return Response.seeOther(URI.create("/calendar/blackouts")).build();
    }

    private TemplateInstance page(Input input, String error) {
        List<Brand> visible = brands.visibleBrands();
        boolean canEdit = roles.any(Role.MANAGER, Role.ADMIN);
        return Templates.blackouts(BlackoutDate.listFor(visible), visible, canEdit, input, error);
    }
}
