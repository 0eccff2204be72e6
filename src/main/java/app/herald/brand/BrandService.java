package app.herald.brand;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.herald.account.AppUser;
import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;

/** Creates and edits brands and their member lists, auditing each change. */
@ApplicationScoped
@Transactional
public class BrandService {

    static final String AUDIT_SUBJECT = "BRAND";

    @Inject
    AuditService audit;

    public Brand create(BrandForm input) {
        BrandForm form = input.validated();
        requireUniqueName(form.name(), null);
        Brand brand = new Brand();
        form.applyTo(brand);
        brand.createdAt = Instant.now();
        brand.persist();
        audit.record(AuditAction.BRAND_CREATED, AUDIT_SUBJECT, brand.id, brand.name).brand(brand.id).write();
        return brand;
    }

    public Brand update(long brandId, BrandForm input) {
        BrandForm form = input.validated();
        Brand brand = find(brandId);
        requireUniqueName(form.name(), brandId);
        form.applyTo(brand);
        audit.record(AuditAction.BRAND_UPDATED, AUDIT_SUBJECT, brand.id, brand.name).brand(brand.id).write();
        return brand;
    }

    /** Replaces the member list with the users whose ids are given. */
    public Brand setMembers(long brandId, List<Long> userIds) {
        Brand brand = find(brandId);
        Set<AppUser> members = new HashSet<>();
        for (Long userId : userIds) {
            AppUser user = AppUser.findById(userId);
            if (user == null) {
                throw new BrandException("User " + userId + " does not exist.");
            }
            members.add(user);
        }
        String before = names(brand.members);
        brand.members.clear();
        brand.members.addAll(members);
        audit.record(AuditAction.BRAND_MEMBERS_CHANGED, AUDIT_SUBJECT, brand.id, brand.name).brand(brand.id)
                .comment("Members: " + before + " → " + names(members)).write();
        return brand;
    }

    private static String names(Set<AppUser> users) {
        return String.join(",", users.stream().map(user -> user.username).sorted().toList());
    }

    private static void requireUniqueName(String name, Long exceptId) {
        Brand.findByName(name).filter(other -> !other.id.equals(exceptId)).ifPresent(other -> {
            throw new BrandException("A brand named '" + name + "' already exists.");
        });
    }

    /**
     * The brand with {@code brandId}, or a 404. Joins the caller's transaction if any; without one it stays in the
     * request's session so a page can render its members.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Brand find(long brandId) {
        return Brand.<Brand>findByIdOptional(brandId).orElseThrow(NotFoundException::new);
    }
}
