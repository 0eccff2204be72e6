package app.herald.analytics;

import jakarta.ws.rs.QueryParam;

/** The query parameters every analytics route reads: brand, period (with from/to when custom) and the top table's sort. */
public class AnalyticsFilter {

    @QueryParam("brand")
    public String brand;

    @QueryParam("period")
    public String period;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("sort")
    public String sort;

    /** The top content sort asked for, views when none. */
    public String sortKey() {
        return sort == null || sort.isBlank() ? "views" : sort;
    }
}
