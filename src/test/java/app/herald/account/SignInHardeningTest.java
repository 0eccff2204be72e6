package app.herald.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditEntry;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Passwords measured as bcrypt measures them, and sign-in names that belong to nobody kept out of the audit log. */
@QuarkusTest
class SignInHardeningTest {

    @Inject
    EntityManager em;

    private static String newName() {
        return "hardened-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response createUser(String name, String password) {
        return DemoUsers.admin().submit("/admin/users", "/admin/users", Map.of("username", name, "displayName", "H",
                "password", password, "roles", List.of("MARKETER")));
    }

    @Test
    void aPasswordOf30EmojiIsRefusedBecauseBcryptWouldCheckOnlyHalfOfIt() {
        String name = newName();
        String emoji = "\uD83D\uDE00".repeat(30);

        Response refused = createUser(name, emoji);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text())
                .contains("Password must be at most 72 bytes; this one has 120", "an emoji 4");
        assertThat(AccountsFixture.load(name)).isNull();
    }

    @Test
    void aPasswordOfExactly72BytesWorksAndOnlyInFull() {
        String name = newName();
        String emoji = "\uD83D\uDE00".repeat(18);
        assertThat(createUser(name, emoji).statusCode()).isEqualTo(303);

        assertThat(WebSession.anonymous().login(name, emoji).header("Location")).doesNotContain("error");
        assertThat(WebSession.anonymous().login(name, "\uD83D\uDE00".repeat(17)).header("Location")).contains("error");
    }

    @Test
    void anUnknownNameIsAuditedAsAMarkerNeverAsTyped() {
        String typed = "Tr0ub4dor-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession.anonymous().login(typed, "whatever-password");
        WebSession.anonymous().login(" " + typed.toUpperCase() + " ", "whatever-password");

        String marker = io.quarkus.arc.Arc.container().instance(TypedNames.class).get().marker(typed);
        assertThat(marker).matches("unknown name #[0-9a-f]{12}");
        // Both spellings of the name end up under the one marker.
        List<AuditEntry> failures = await().atMost(Duration.ofSeconds(10))
                .until(() -> failuresUnder(marker), rows -> rows.size() == 2);

        assertThat(failures).allMatch(entry -> entry.subjectId == null && entry.comment.equals("from 127.0.0.1"));
        long verbatim = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where lower(concat_ws(' ', actor, subject_label, comment)) like ?1")
                .setParameter(1, "%" + typed.toLowerCase() + "%").getSingleResult()).longValue());
        assertThat(verbatim).isZero();
    }

    @Test
    void aKnownNameIsAuditedUnderTheAccount() {
        String name = newName();
        createUser(name, "a-long-password");
        WebSession.anonymous().login(name.toUpperCase(), "not-the-password");

        AuditEntry failure = await().atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                        "action = ?1 and subjectLabel = ?2", AuditAction.SIGN_IN_FAILED, name).firstResult()),
                        entry -> entry != null);

        assertThat(failure.subjectId).isEqualTo(AccountsFixture.idOf(name));
    }

    private List<AuditEntry> failuresUnder(String subjectLabel) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action = ?1 and subjectLabel = ?2",
                AuditAction.SIGN_IN_FAILED, subjectLabel));
    }
}
