package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Flyway owns the schema and Hibernate validates it at start (the test profile fails to boot otherwise). */
@QuarkusTest
class SchemaTest {

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void everyMigrationApplied() {
        @SuppressWarnings("unchecked")
        List<Object> failed = em.createNativeQuery("select version from flyway_schema_history where success = 0").getResultList();
        Number applied = (Number) em.createNativeQuery("select count(*) from flyway_schema_history where success = 1")
                .getSingleResult();
        assertThat(failed).isEmpty();
        assertThat(applied.intValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @TestTransaction
    void runsOnMariaDb() {
        String version = (String) em.createNativeQuery("select version()").getSingleResult();
        assertThat(version).containsIgnoringCase("mariadb");
    }
}
