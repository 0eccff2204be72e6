package app.herald.account;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.herald.system.HeraldConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/** The sign-in page (posting to Quarkus' {@code /j_security_check}) and sign-out. */
@Path("/")
@Blocking
public class LoginResource {

    /** The password every demo account gets; the login page shows it only in demo mode. */
    public static final String DEMO_PASSWORD = "herald-demo";

    @Inject
    SecurityIdentity identity;

    @Inject
    HeraldConfig config;

    @Inject
    LoginThrottle throttle;

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut, boolean demo, String demoPassword,
                int maxFailures, long lockoutMinutes);

        static native TemplateInstance logout();
    }

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") boolean failed, @QueryParam("signedOut") boolean signedOut) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(failed, signedOut, config.demo(), DEMO_PASSWORD, throttle.maxFailures(),
                throttle.lockout().toMinutes())).build();
    }

    /** A sign-out button for pages that could not carry one (error pages). */
    @GET
    @Path("logout")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmLogout() {
        return Templates.logout();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(RoutingContext routing) {
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(URI.create("/login?signedOut=true")).build();
    }
}
