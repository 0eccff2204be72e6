package app.herald.web;

import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** Turns failures into HTML error pages inside the layout: no stack traces, no JSON. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not allowed", "Your roles do not give access to this page. Ask an admin if you need it.", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFoundPage();
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return page(status, "Request not accepted", "The request could not be processed (HTTP " + status + ").", null);
    }

    /**
     * Also catches a lost optimistic-lock race (two saves of one record at the same moment, however deeply the
     * transaction wrapped it): a 409, since the change that lost was rolled back whole.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (changedMeanwhile(e)) {
            return page(409, "Changed meanwhile",
                    "Someone else saved a change to the same record at the same moment, so yours was not saved. Open the"
                            + " page again to see the current version, then apply your change to it.",
                    null);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return page(500, "Something went wrong",
                "Herald hit an unexpected error. Nothing was changed by this request unless a message said so."
                        + " Quote the reference below to your administrator.",
                reference);
    }

    private static boolean changedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    static Response notFoundPage() {
        return page(404, "Page not found", "There is nothing at this address. It may have been moved or removed.", null);
    }

    private static Response page(int status, String title, String message, String reference) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message, reference)).build();
    }
}
