package app.herald.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.QueryParam;

/** The audit page's filter (actor, action, subject, date range in the viewer's zone) and page number. */
public class AuditFilter {

    static final int PAGE_SIZE = 50;

    @QueryParam("actor")
    public String actor;

    @QueryParam("action")
    public String action;

    @QueryParam("subjectType")
    public String subjectType;

    @QueryParam("subjectId")
    public Long subjectId;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("page")
    public Integer page;

    public int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    /** The JPQL condition and its parameters; throws {@link IllegalArgumentException} with a user-facing message. */
    Query toQuery(ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new TreeMap<>();
        if (present(actor)) {
            conditions.add("actor = :actor");
            parameters.put("actor", actor.strip());
        }
        if (present(action)) {
            try {
                parameters.put("action", AuditAction.valueOf(action));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown action '" + action + "'.");
            }
            conditions.add("action = :action");
        }
        if (present(subjectType)) {
            conditions.add("subjectType = :subjectType");
            parameters.put("subjectType", subjectType.strip());
        }
        if (subjectId != null) {
            conditions.add("subjectId = :subjectId");
            parameters.put("subjectId", subjectId);
        }
        Instant start = present(from) ? startOfDay(from, zone, 0) : null;
        if (start != null) {
            conditions.add("occurredAt >= :start");
            parameters.put("start", start);
        }
        if (present(to)) {
            // "to" is inclusive: everything before the start of the following day.
            Instant endExclusive = startOfDay(to, zone, 1);
            if (start != null && !start.isBefore(endExclusive)) {
                throw new IllegalArgumentException("The 'from' date is after the 'to' date.");
            }
            conditions.add("occurredAt < :end");
            parameters.put("end", endExclusive);
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new Query(where, parameters);
    }

    /** Query string of this filter without the page, for pagination and export links. */
    public String queryString() {
        StringBuilder query = new StringBuilder();
        append(query, "actor", actor);
        append(query, "action", action);
        append(query, "subjectType", subjectType);
        append(query, "subjectId", subjectId == null ? null : subjectId.toString());
        append(query, "from", from);
        append(query, "to", to);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (present(value)) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Instant startOfDay(String date, ZoneId zone, int plusDays) {
        try {
            return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + date + "' is not a date like 2026-11-21.");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A JPQL where-clause with named parameters. */
    record Query(String where, Map<String, Object> parameters) {

        /** This query limited to rows of {@code brandIds}; rows without a brand (users, sign-ins) never match. */
        Query withinBrands(Set<Long> brandIds) {
            if (brandIds.isEmpty()) {
                return new Query("1 = 0", Map.of());
            }
            Map<String, Object> scoped = new TreeMap<>(parameters);
            scoped.put("brands", brandIds);
            return new Query("(" + where + ") and brandId in :brands", scoped);
        }

        /** This query limited to rows after {@code last} in the newest-first order (keyset paging). */
        Query after(AuditEntry last) {
            Map<String, Object> next = new TreeMap<>(parameters);
            next.put("lastAt", last.occurredAt);
            next.put("lastId", last.id);
            return new Query("(" + where + ") and (occurredAt < :lastAt or (occurredAt = :lastAt and id < :lastId))",
                    next);
        }
    }
}
