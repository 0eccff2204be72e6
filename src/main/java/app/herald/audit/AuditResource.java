package app.herald.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The audit log page (filtered, paginated) and its CSV export of the same filtered view. Admins read every row;
 * reviewers and managers read the rows of their own brands, never those about user accounts and sign-ins.
 */
@Path("/")
@RolesAllowed({ Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
public class AuditResource {

    /** Rows per database round trip while streaming the CSV; memory stays at one batch whatever the export's size. */
    static final int CSV_BATCH = 500;
    private static final String CSV_HEADER =
            "occurred_at_utc,actor,action,subject_type,subject_id,subject,from,to,revision_hash,comment\r\n";
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ISO_INSTANT;
    private static final List<String> SUBJECT_TYPES = List.of("USER", "BRAND", "RULE", "CONTENT", "CHANNEL", "PUBLICATION");
    private static final String ACCOUNT_SUBJECT = "USER";

    @Inject
    Viewer viewer;

    @Inject
    AuditScope scope;

    /** One row as the page shows it. */
    public record Row(AuditEntry entry, String utc, String local) {
    }

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance audit(List<Row> rows, AuditFilter filter, String error, String zone, int page,
                boolean hasNext, long total, List<AuditAction> actions, List<String> subjectTypes, boolean allBrands);
    }

    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam AuditFilter filter) {
        ZoneId zone = viewer.zone();
        AuditFilter.Query query;
        try {
            query = readable(filter.toQuery(zone));
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.audit(List.of(), filter, e.getMessage(), zone.getId(), 1, false, 0, actions(),
                            subjectTypes(), seesEverything())).build();
        }
        PanacheQuery<AuditEntry> entries = find(query);
        int page = filter.pageNumber();
        List<Row> rows = entries.page(page - 1, AuditFilter.PAGE_SIZE).list().stream()
                .map(entry -> row(entry, zone)).toList();
        return Response.ok(Templates.audit(rows, filter, null, zone.getId(), page, entries.hasNextPage(), entries.count(),
                actions(), subjectTypes(), seesEverything())).build();
    }

    /** Streams the filtered rows newest first, one keyset-paged batch per short transaction. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam AuditFilter filter) {
        AuditFilter.Query query;
        try {
            query = readable(filter.toQuery(viewer.zone()));
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
        StreamingOutput body = output -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.write(CSV_HEADER);
            AuditFilter.Query next = query;
            List<AuditEntry> batch;
            do {
                AuditFilter.Query current = next;
                batch = QuarkusTransaction.requiringNew().call(() -> find(current).page(0, CSV_BATCH).list());
                for (AuditEntry entry : batch) {
                    csv.write(csvLine(entry));
                }
                csv.flush();
                if (!batch.isEmpty()) {
                    next = query.after(batch.get(batch.size() - 1));
                }
            } while (batch.size() == CSV_BATCH);
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"herald-audit.csv\"").build();
    }

    /** {@code query} limited to the rows this viewer may read. */
    private AuditFilter.Query readable(AuditFilter.Query query) {
        return seesEverything() ? query : query.withinBrands(scope.memberBrandIds());
    }

    private boolean seesEverything() {
        return viewer.has(Role.Names.ADMIN);
    }

    private List<AuditAction> actions() {
        return Stream.of(AuditAction.values()).filter(action -> seesEverything() || !action.aboutAccounts()).toList();
    }

    private List<String> subjectTypes() {
        return SUBJECT_TYPES.stream().filter(type -> seesEverything() || !ACCOUNT_SUBJECT.equals(type)).toList();
    }

    private static PanacheQuery<AuditEntry> find(AuditFilter.Query query) {
        return AuditEntry.find(query.where(), Sort.descending("occurredAt", "id"), query.parameters());
    }

    private static String csvLine(AuditEntry entry) {
        return String.join(",", Csv.cell(ISO_UTC.format(entry.occurredAt)), Csv.cell(entry.actor),
                Csv.cell(entry.action.name()), Csv.cell(entry.subjectType),
                Csv.cell(entry.subjectId == null ? "" : entry.subjectId.toString()), Csv.cell(entry.subjectLabel),
                Csv.cell(entry.fromState), Csv.cell(entry.toState), Csv.cell(entry.revisionHash),
                Csv.cell(entry.comment)) + "\r\n";
    }

    private static Row row(AuditEntry entry, ZoneId zone) {
        return new Row(entry, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(entry.occurredAt),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone).format(entry.occurredAt));
    }
}
