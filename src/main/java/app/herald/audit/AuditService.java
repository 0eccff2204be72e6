package app.herald.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Writes audit entries inside the caller's transaction, so a change and its record commit or roll back together.
 * The only code that creates {@link AuditEntry} rows; nothing updates or deletes them.
 */
@ApplicationScoped
public class AuditService {

    /** Actor name for changes made by Herald itself (start-up seeding, scheduled jobs). */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    /** Starts an entry by the signed-in user (or {@link #SYSTEM} outside a request). */
    public Entry record(AuditAction action, String subjectType, Long subjectId, String subjectLabel) {
        return new Entry(currentActor(), action, subjectType, subjectId, subjectLabel);
    }

    /** Starts an entry by a named actor, for events that happen outside the actor's request (sign-ins). */
    public Entry recordAs(String actor, AuditAction action, String subjectType, Long subjectId, String subjectLabel) {
        return new Entry(actor, action, subjectType, subjectId, subjectLabel);
    }

    private String currentActor() {
        try {
            return identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
        } catch (RuntimeException noRequest) {
            return SYSTEM;
        }
    }

    /** An entry being described; {@link #write()} stores it. */
    public static final class Entry {
        private final AuditEntry entry = new AuditEntry();

        private Entry(String actor, AuditAction action, String subjectType, Long subjectId, String subjectLabel) {
            entry.actor = actor;
            entry.action = action;
            entry.subjectType = subjectType;
            entry.subjectId = subjectId;
            entry.subjectLabel = truncate(subjectLabel, 200);
        }

        public Entry transition(Object from, Object to) {
            entry.fromState = from == null ? null : from.toString();
            entry.toState = to == null ? null : to.toString();
            return this;
        }

        /** The brand whose members may read this row; rows without one are for admins only. */
        public Entry brand(Long brandId) {
            entry.brandId = brandId;
            return this;
        }

        public Entry revision(String hash) {
            entry.revisionHash = hash;
            return this;
        }

        public Entry comment(String comment) {
            entry.comment = truncate(comment, 4000);
            return this;
        }

        /** Persists the entry; the caller's transaction must be active. */
        public AuditEntry write() {
            entry.occurredAt = Instant.now();
            entry.persist();
            return entry;
        }

        private static String truncate(String text, int max) {
            return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }
}
