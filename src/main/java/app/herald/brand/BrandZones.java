package app.herald.brand;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.herald.web.DefaultZones;

/** A viewer's default display zone: that of their first brand by name (any brand for an admin). */
@ApplicationScoped
public class BrandZones implements DefaultZones {

    @Override
    public Optional<ZoneId> defaultZone(String username, boolean admin) {
        List<Brand> brands = admin ? Brand.listByName() : Brand.listForMember(username);
        return brands.stream().findFirst().map(brand -> ZoneId.of(brand.timezone));
    }
}
