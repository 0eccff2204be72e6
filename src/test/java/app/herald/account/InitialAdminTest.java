package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.herald.brand.Brand;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InitialAdminTest {

    @Inject
    InitialAdmin initialAdmin;

    @Test
    @TestTransaction
    void emptyUserTableGetsAnAdminWithAGeneratedPassword() {
        deleteAllUsers();

        Optional<String> generated = initialAdmin.createIfNoUsers(Optional.empty());

        assertThat(generated).isPresent();
        AppUser admin = AppUser.findByUsername("admin").orElseThrow();
        assertThat(admin.roleSet()).containsExactly(Role.ADMIN);
        assertThat(BcryptUtil.matches(generated.get(), admin.passwordHash)).isTrue();
    }

    @Test
    @TestTransaction
    void configuredPasswordIsUsedAndNotEchoed() {
        deleteAllUsers();

        Optional<String> generated = initialAdmin.createIfNoUsers(Optional.of("from-the-environment"));

        assertThat(generated).isEmpty();
        assertThat(BcryptUtil.matches("from-the-environment", AppUser.findByUsername("admin").orElseThrow().passwordHash)).isTrue();
    }

    @Test
    @TestTransaction
    void existingUsersMeanNothingIsCreated() {
        long before = AppUser.count();
        assertThat(initialAdmin.createIfNoUsers(Optional.empty())).isEmpty();
        assertThat(AppUser.count()).isEqualTo(before);
    }

    /** Empties app_user inside the test's transaction; demo brand memberships reference users, so they go first. */
    private static void deleteAllUsers() {
        Brand.<Brand>listAll().forEach(brand -> brand.members.clear());
        Brand.flush();
        AppUser.deleteAll();
    }
}
