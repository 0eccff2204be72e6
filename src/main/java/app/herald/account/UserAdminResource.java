package app.herald.account;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** Admin pages for users: list, create, change roles, deactivate and reactivate. */
@Path("/admin/users")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class UserAdminResource {

    @Inject
    UserService users;

    @Inject
    Flash flash;

    @Inject
    SecurityIdentity identity;

    /** What the create form last held, so a refused submission keeps the entered values (never the password). */
    public record NewUserForm(String username, String displayName, Set<Role> roles) {
        static NewUserForm empty() {
            return new NewUserForm("", "", EnumSet.of(Role.MARKETER));
        }
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance users(List<AppUser> users, NewUserForm form, String error, List<Role> allRoles,
                int minPasswordLength);

        static native TemplateInstance user(AppUser user, String error, List<Role> allRoles, boolean self);

        static native TemplateInstance deactivate(AppUser user);
    }

    @GET
    public TemplateInstance list() {
        return listPage(NewUserForm.empty(), null);
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String password,
            @RestForm List<String> roles) {
        Set<Role> chosen = chosenRoles(roles);
        try {
            AppUser created = users.create(username, displayName, password, chosen);
            flash.success("User " + created.username + " created.");
            return Response.seeOther(URI.create("/admin/users")).build();
        } catch (AccountException e) {
            NewUserForm form = new NewUserForm(username == null ? "" : username, displayName == null ? "" : displayName, chosen);
            return Response.status(Response.Status.BAD_REQUEST).entity(listPage(form, e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        AppUser user = users.find(id);
        return Templates.user(user, null, List.of(Role.values()), isSelf(user));
    }

    @POST
    @Path("{id}/roles")
    public Response changeRoles(@PathParam("id") long id, @RestForm List<String> roles) {
        try {
            AppUser user = users.changeRoles(id, chosenRoles(roles));
            flash.success("Roles of " + user.username + " saved: " + Role.format(user.roleSet()).replace(",", ", ") + ".");
            return Response.seeOther(URI.create("/admin/users/" + id)).build();
        } catch (AccountException e) {
            AppUser user = users.find(id);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.user(user, e.getMessage(), List.of(Role.values()), isSelf(user))).build();
        }
    }

    @GET
    @Path("{id}/deactivate")
    public TemplateInstance confirmDeactivate(@PathParam("id") long id) {
        return Templates.deactivate(users.find(id));
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        AppUser user = users.find(id);
        try {
            if (isSelf(user)) {
                throw new AccountException("You cannot deactivate your own account; ask another admin.");
            }
            users.deactivate(id);
            flash.success("User " + user.username + " deactivated: they can no longer sign in.");
            return Response.seeOther(URI.create("/admin/users")).build();
        } catch (AccountException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.user(user, e.getMessage(), List.of(Role.values()), isSelf(user))).build();
        }
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@PathParam("id") long id) {
        try {
            AppUser user = users.reactivate(id);
            flash.success("User " + user.username + " reactivated.");
        } catch (AccountException e) {
            flash.error(e.getMessage());
        }
        return Response.seeOther(URI.create("/admin/users/" + id)).build();
    }

    private TemplateInstance listPage(NewUserForm form, String error) {
        return Templates.users(AppUser.listByName(), form, error, List.of(Role.values()), UserService.MIN_PASSWORD_LENGTH);
    }

    private boolean isSelf(AppUser user) {
        return user.username.equals(identity.getPrincipal().getName());
    }

    private static Set<Role> chosenRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> roles.addAll(Role.parse(name)));
        }
        return roles;
    }
}
