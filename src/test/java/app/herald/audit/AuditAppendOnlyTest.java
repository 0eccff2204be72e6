package app.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Audit rows can be added but never changed or removed, whatever path tries. */
@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    AuditService audit;

    @Inject
    EntityManager em;

    private long writeOne() {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.recordAs("tester", AuditAction.COMMENT_ADDED, "TEST", 1L, "subject").comment("original").write().id);
    }

    @Test
    void sqlUpdateIsRefusedByTheDatabase() {
        long id = writeOne();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_entry set comment = 'tampered' where id = " + id).executeUpdate()))
                .hasStackTraceContaining("audit_entry is append-only: updates are not allowed");
        assertThat(commentOf(id)).isEqualTo("original");
    }

    @Test
    void sqlDeleteIsRefusedByTheDatabase() {
        long id = writeOne();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_entry where id = " + id).executeUpdate()))
                .hasStackTraceContaining("audit_entry is append-only: deletes are not allowed");
        assertThat(commentOf(id)).isEqualTo("original");
    }

    @Test
    void entityChangesAreNotWritten() {
        long id = writeOne();
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry entry = AuditEntry.findById(id);
            entry.comment = "changed through the entity";
        });
        assertThat(commentOf(id)).isEqualTo("original");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> AuditEntry.deleteById(id)))
                .isNotNull();
        assertThat(commentOf(id)).isEqualTo("original");
    }

    private String commentOf(long id) {
        return QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("select comment from audit_entry where id = " + id).getSingleResult());
    }
}
