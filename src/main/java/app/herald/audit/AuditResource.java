package app.herald.audit;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import app.herald.account.Role;
import app.herald.web.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The audit log page (filtered, paginated) and its CSV export of the same filtered view. */
@Path("/")
@RolesAllowed({ Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class AuditResource {

    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ISO_INSTANT;
    private static final List<String> SUBJECT_TYPES = List.of("USER", "BRAND", "RULE", "CONTENT", "CHANNEL", "PUBLICATION");

    @Inject
    Viewer viewer;

    /** One row as the page shows it. */
    public record Row(AuditEntry entry, String utc, String local) {
    }

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance audit(List<Row> rows, AuditFilter filter, String error, String zone, int page,
                boolean hasNext, long total, List<AuditAction> actions, List<String> subjectTypes);
    }

    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam AuditFilter filter) {
        ZoneId zone = viewer.zone();
        List<AuditAction> actions = List.of(AuditAction.values());
        AuditFilter.Query query;
        try {
            query = filter.toQuery(zone);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.audit(List.of(), filter, e.getMessage(), zone.getId(), 1, false, 0, actions,
                            SUBJECT_TYPES)).build();
        }
        PanacheQuery<AuditEntry> entries = find(query);
        int page = filter.pageNumber();
        List<Row> rows = entries.page(page - 1, AuditFilter.PAGE_SIZE).list().stream()
                .map(entry -> row(entry, zone)).toList();
        return Response.ok(Templates.audit(rows, filter, null, zone.getId(), page, entries.hasNextPage(), entries.count(),
                actions, SUBJECT_TYPES)).build();
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam AuditFilter filter) {
        AuditFilter.Query query;
        try {
            query = filter.toQuery(viewer.zone());
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
        List<AuditEntry> entries = find(query).list();
        StreamingOutput body = output -> {
            StringBuilder csv = new StringBuilder(
                    "occurred_at_utc,actor,action,subject_type,subject_id,subject,from,to,revision_hash,comment\r\n");
            for (AuditEntry entry : entries) {
                csv.append(String.join(",", Csv.cell(ISO_UTC.format(entry.occurredAt)), Csv.cell(entry.actor),
                        Csv.cell(entry.action.name()), Csv.cell(entry.subjectType),
                        Csv.cell(entry.subjectId == null ? "" : entry.subjectId.toString()), Csv.cell(entry.subjectLabel),
                        Csv.cell(entry.fromState), Csv.cell(entry.toState), Csv.cell(entry.revisionHash),
                        Csv.cell(entry.comment))).append("\r\n");
            }
            output.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"herald-audit.csv\"").build();
    }

    private static PanacheQuery<AuditEntry> find(AuditFilter.Query query) {
        return AuditEntry.find(query.where(), Sort.descending("occurredAt", "id"), query.parameters());
    }

    private static Row row(AuditEntry entry, ZoneId zone) {
        return new Row(entry, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(entry.occurredAt),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone).format(entry.occurredAt));
    }
}
