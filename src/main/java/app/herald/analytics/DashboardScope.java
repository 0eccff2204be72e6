package app.herald.analytics;

/**
 * Whose numbers a dashboard request reads: one brand over one period, either the whole brand (managers, admins:
 * from the day rollups) or only the content {@code owner} created (marketers: from the per-publication rows).
 */
public record DashboardScope(long brandId, String brandName, AnalyticsPeriod period, String owner) {

    public boolean ownContentOnly() {
        return owner != null;
    }

    /** The query string that asks for this scope again (the owner comes from the session, never from the address). */
    public String query() {
        return "brand=" + brandId + "&" + period.query();
    }
}
