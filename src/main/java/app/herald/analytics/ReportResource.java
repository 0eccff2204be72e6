package app.herald.analytics;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import app.herald.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The printable period report of the analytics dashboard and its PDF, for the same filters, roles and scope as
 * {@code /analytics}: managers and admins read whole brands, a marketer only the content they created.
 */
@Path("/analytics")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class ReportResource {

    @Inject
    DashboardScopes scopes;

    @Inject
    DashboardQueries queries;

    @CheckedTemplate(basePath = "analytics")
    static class Templates {
        static native TemplateInstance report(PeriodReport report, String error, int sparkWidth, int sparkHeight);
    }

    @GET
    @Path("report")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam AnalyticsFilter filter) {
        try {
            return Response.ok(Templates.report(read(filter), null, PeriodReport.SPARK_WIDTH, PeriodReport.SPARK_HEIGHT))
                    .build();
        } catch (AnalyticsException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.report(null, e.getMessage(), PeriodReport.SPARK_WIDTH, PeriodReport.SPARK_HEIGHT))
                    .build();
        }
    }

    /** The same report as a PDF download, named after the brand and the period. */
    @GET
    @Path("report.pdf")
    @Produces({ "application/pdf", MediaType.TEXT_PLAIN })
    public Response pdf(@BeanParam AnalyticsFilter filter) {
        PeriodReport report;
        try {
            report = read(filter);
        } catch (AnalyticsException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(e.getMessage()).build();
        }
        Instant now = Instant.now();
        StreamingOutput body = out -> ReportPdf.write(report, now, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").build();
    }

    /** Reads everything first, so a bad sort or period answers 400 before any byte of the PDF is sent. */
    private PeriodReport read(AnalyticsFilter filter) {
        DashboardScope scope = scopes.scope(filter).orElseThrow(NotFoundException::new);
        return PeriodReport.read(queries, scope, filter.sortKey());
    }
}
