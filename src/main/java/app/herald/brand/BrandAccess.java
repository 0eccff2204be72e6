package app.herald.brand;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import app.herald.account.Role;
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
        Brand brand = Brand.findById(id);
        if (brand == null || !(seesAll() || brand.hasMember(identity.getPrincipal().getName()))) {
            throw new NotFoundException();
        }
        return brand;
    }

    /** The user's brands as a condition for list queries. */
    public BrandScope scope() {
        return new BrandScope(seesAll(), identity.getPrincipal().getName());
    }

    public boolean seesAll() {
        return identity.hasRole(Role.Names.ADMIN);
    }
}
