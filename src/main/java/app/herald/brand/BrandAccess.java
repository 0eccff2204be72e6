package app.herald.brand;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import app.herald.account.Role;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;

/** Which brands the signed-in user may see: the ones they are a member of, or all of them for an admin. */
@ApplicationScoped
public class BrandAccess {

    @Inject
    SecurityIdentity identity;

    public List<Brand> visibleBrands() {
        return seesAll() ? Brand.listByName() : Brand.listForMember(identity.getPrincipal().getName());
    }

    /** The brand with {@code id} if the user may see it; otherwise a 404, so hidden brands stay unknown. */
    public Brand requireVisible(long id) {
        // One query that checks the membership in the database, rather than loading every member of the brand.
        return Brand.<Brand>find("select b from Brand b where b.id = ?1 and (?2 = true or exists"
                + " (select 1 from b.members m where m.username = ?3))", id, seesAll(), identity.getPrincipal().getName())
                .firstResultOptional().orElseThrow(NotFoundException::new);
    }

    /**
     * The {@code type} row with {@code id} if it exists and the user may see the brand it belongs to
     * ({@code brandOf}); otherwise a 404, so another brand's ids answer exactly like ids that do not exist.
     */
    public <T> T findVisible(Class<T> type, long id, Function<T, Brand> brandOf) {
        T found = Panache.getEntityManager(type).find(type, id);
        if (found == null || !(seesAll() || brandOf.apply(found).hasMember(identity.getPrincipal().getName()))) {
            throw new NotFoundException();
        }
        return found;
    }

    /** The user's brands as a condition for list queries. */
    public BrandScope scope() {
        return new BrandScope(seesAll(), identity.getPrincipal().getName());
    }

    public boolean seesAll() {
        return identity.hasRole(Role.Names.ADMIN);
    }
}
