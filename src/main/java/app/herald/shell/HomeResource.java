package app.herald.shell;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/** The signed-in user's home page: what needs them, section by section for their roles. */
@Path("/")
@Authenticated
@Blocking
public class HomeResource {

    @Inject
    HomeService home;

    @CheckedTemplate(basePath = "shell")
    static class Templates {
        static native TemplateInstance home(HomePage page, Instant now);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(home.page(), Instant.now());
    }
}
