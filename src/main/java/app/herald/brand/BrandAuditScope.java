package app.herald.brand;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.audit.AuditScope;
import io.quarkus.security.identity.SecurityIdentity;

/** Tells the audit log which brands the signed-in user belongs to. */
@ApplicationScoped
public class BrandAuditScope implements AuditScope {

    @Inject
    SecurityIdentity identity;

    @Override
    public Set<Long> memberBrandIds() {
        return Brand.listForMember(identity.getPrincipal().getName()).stream().map(brand -> brand.id)
                .collect(Collectors.toSet());
    }
}
