package app.herald.brand;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.platform.PlatformSpecs;
import app.herald.system.Zones;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Admin pages for brands: list, create, edit settings and choose members. */
@Path("/brands")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class BrandResource {

    @Inject
    BrandService brands;

    @Inject
    Flash flash;

    @Inject
    BrandStorage storage;

    /** The brand form's fields as posted. */
    public static class FormFields {
        @RestForm
        String name;
        @RestForm
        String voice;
        @RestForm
        String timezone;
        @RestForm
        String defaultDisclaimer;
        @RestForm
        String defaultHashtags;
        @RestForm
        String color;

        BrandForm toForm() {
            return new BrandForm(name, voice, timezone, defaultDisclaimer, defaultHashtags, color);
        }
    }

    @CheckedTemplate(basePath = "brand")
    static class Templates {
        static native TemplateInstance brands(List<Brand> brands, BrandForm form, String error, List<String> zones,
                Map<Long, String> storage);

        static native TemplateInstance brand(Brand brand, BrandForm form, String error, List<String> zones,
                List<AppUser> users);
    }

    @GET
    public TemplateInstance list() {
        return Templates.brands(Brand.listByName(), BrandForm.empty(), null, Zones.REGIONS, storage());
    }

    @POST
    public Response create(@BeanParam FormFields fields) {
        try {
            Brand brand = brands.create(fields.toForm());
            flash.success("Brand " + brand.name + " created. Add its members below.");
            return Response.seeOther(URI.create("/brands/" + brand.id)).build();
        } catch (BrandException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.brands(Brand.listByName(), fields.toForm(), e.getMessage(), Zones.REGIONS, storage())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Brand brand = brands.find(id);
        return Templates.brand(brand, BrandForm.of(brand), null, Zones.REGIONS, AppUser.listByName());
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam FormFields fields) {
        try {
            Brand brand = brands.update(id, fields.toForm());
            flash.success("Brand " + brand.name + " saved.");
            return Response.seeOther(URI.create("/brands/" + id)).build();
        } catch (BrandException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.brand(brands.find(id), fields.toForm(), e.getMessage(), Zones.REGIONS, AppUser.listByName())).build();
        }
    }

    /** Each brand's media storage, human-readable. */
    private Map<Long, String> storage() {
        Map<Long, String> texts = new HashMap<>();
        storage.bytesByBrand().forEach((brand, bytes) -> texts.put(brand, PlatformSpecs.bytes(bytes)));
        return texts;
    }

    @POST
    @Path("{id}/members")
    public Response members(@PathParam("id") long id, @RestForm List<Long> members) {
        Brand brand = brands.setMembers(id, members == null ? List.of() : members);
        flash.success("Members of " + brand.name + " saved (" + brand.members.size() + ").");
        return Response.seeOther(URI.create("/brands/" + id)).build();
    }
}
