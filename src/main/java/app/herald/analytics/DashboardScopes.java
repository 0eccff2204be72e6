package app.herald.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.web.Viewer;

/** Reads the scope an analytics request asks for (brand, period, whose content), shared by the dashboard and the reports. */
@ApplicationScoped
public class DashboardScopes {

    @Inject
    BrandAccess brandAccess;

    @Inject
    Viewer viewer;

    /**
     * The scope a request asks for: the chosen brand (another brand's id answers 404, like one that does not exist;
     * none chosen: the viewer's first brand, empty when they have none), the period in the brand's zone, and the
     * viewer's own content only unless they manage or administer.
     */
    public Optional<DashboardScope> scope(AnalyticsFilter filter) {
        String brand = filter.brand;
        Brand chosen;
        if (brand == null || brand.isBlank()) {
            List<Brand> visible = brandAccess.visibleBrands();
            if (visible.isEmpty()) {
                return Optional.empty();
            }
            chosen = visible.get(0);
        } else {
            long id;
            try {
                id = Long.parseLong(brand.trim());
            } catch (NumberFormatException e) {
                throw new AnalyticsException("'brand' must be a brand id (a number), not '" + brand.trim() + "'.");
            }
            chosen = brandAccess.requireVisible(id);
        }
        ZoneId zone = ZoneId.of(chosen.timezone);
        AnalyticsPeriod parsed = AnalyticsPeriod.parse(filter.period, filter.from, filter.to, zone,
                LocalDate.now(zone));
        return Optional.of(new DashboardScope(chosen.id, chosen.name, parsed,
                ownContentOnly() ? viewer.username() : null));
    }

    /** Marketers who neither manage nor administer read only their own content's numbers. */
    public boolean ownContentOnly() {
        return !viewer.roles().contains(Role.MANAGER) && !viewer.roles().contains(Role.ADMIN);
    }
}
