package app.herald.shell;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/** The signed-in user's home page: who they are and the areas their roles open. */
@Path("/")
@Authenticated
@Blocking
public class HomeResource {

    @Inject
    Navigation navigation;

    @CheckedTemplate(basePath = "shell")
    static class Templates {
        static native TemplateInstance home(List<Navigation.NavLink> areas);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        List<Navigation.NavLink> areas = navigation.links().stream().filter(link -> !"/".equals(link.href())).toList();
        return Templates.home(areas);
    }
}
