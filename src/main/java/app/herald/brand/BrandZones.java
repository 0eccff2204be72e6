package app.herald.brand;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import app.herald.system.ReadCache;
import app.herald.web.DefaultZones;

/**
 * A viewer's default display zone: that of their first brand by name (any brand for an admin); kept per viewer
 * until this instance writes anything or {@code herald.cache-ttl} passes, as most pages show times.
 */
@ApplicationScoped
public class BrandZones implements DefaultZones {

    @Inject
    ReadCache<String, Optional<ZoneId>> zones;

    @Override
    public Optional<ZoneId> defaultZone(String username, boolean admin) {
        return zones.get(username, name -> firstZone(name, admin));
    }

    private static Optional<ZoneId> firstZone(String username, boolean admin) {
        TypedQuery<String> query = admin
                ? Brand.getEntityManager().createQuery("select b.timezone from Brand b order by b.name, b.id", String.class)
                : Brand.getEntityManager().createQuery("select b.timezone from Brand b join b.members m"
                        + " where m.username = ?1 order by b.name, b.id", String.class).setParameter(1, username);
        return query.setMaxResults(1).getResultStream().findFirst().map(ZoneId::of);
    }
}
