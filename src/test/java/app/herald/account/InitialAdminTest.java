package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
        AppUser.deleteAll();

        Optional<String> generated = initialAdmin.createIfNoUsers(Optional.empty());

        assertThat(generated).isPresent();
        AppUser admin = AppUser.findByUsername("admin").orElseThrow();
        assertThat(admin.roleSet()).containsExactly(Role.ADMIN);
        assertThat(BcryptUtil.matches(generated.get(), admin.passwordHash)).isTrue();
    }

    @Test
    @TestTransaction
    void configuredPasswordIsUsedAndNotEchoed() {
        AppUser.deleteAll();

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
}
