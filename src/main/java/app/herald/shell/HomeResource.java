package app.herald.shell;

import java.time.Instant;
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

/** The signed-in user's home page: what needs them, by role, and the areas their roles open. */
@Path("/")
@Authenticated
@Blocking
public class HomeResource {

    @Inject
    Navigation navigation;

    @Inject
    HomeService home;

    @CheckedTemplate(basePath = "shell")
    static class Templates {
        static native TemplateInstance home(HomePage page, Instant now, List<Navigation.NavLink> areas);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        List<Navigation.NavLink> areas = navigation.links().stream().filter(link -> !"/".equals(link.href())).toList();
        return Templates.home(home.page(), Instant.now(), areas);
    }
}
