package app.herald.audit;

import java.util.Set;

/**
 * Which brands' audit rows a signed-in reviewer or manager may read: their own brands. The brand feature answers;
 * the audit log does not import it.
 */
public interface AuditScope {

    /** Ids of the brands the signed-in user is a member of. */
    Set<Long> memberBrandIds();
}
