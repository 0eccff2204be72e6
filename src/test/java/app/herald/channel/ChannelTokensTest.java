package app.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.herald.calendar.CalendarFixture;
import app.herald.platform.Platform;
import app.herald.system.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Tokens as MariaDB holds them: sealed, renewed without losing the refresh token, never overwritten by a stale save. */
@QuarkusTest
class ChannelTokensTest {

    @Inject
    ChannelTokens tokens;

    @Inject
    EntityManager em;

    private static long channel() {
        return CalendarFixture.channel(CalendarFixture.brand("UTC"), Platform.YOUTUBE_SHORTS, "UTC", 10, 0, ChannelStatus.ACTIVE);
    }

    private Object[] rawColumns(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT access_token_sealed, refresh_token_sealed, external_account_id FROM channel WHERE id = :id")
                .setParameter("id", channelId).getSingleResult());
    }

    @Test
    void storedTokensAreNotReadableInTheDatabaseAndComeBackWhole() {
        long channel = channel();
        Instant expiry = Instant.now().plusSeconds(3599).truncatedTo(ChronoUnit.MICROS);

        tokens.store(channel, new ChannelTokens.Tokens("UC-account", "ya29.access-secret", "1//refresh-secret", expiry));

        Object[] raw = rawColumns(channel);
        assertThat((String) raw[0]).startsWith("v1.").doesNotContain("access-secret");
        assertThat((String) raw[1]).startsWith("v1.").doesNotContain("refresh-secret");
        assertThat(raw[2]).isEqualTo("UC-account");
        assertThat(tokens.find(channel)).contains(
                new ChannelTokens.Tokens("UC-account", "ya29.access-secret", "1//refresh-secret", expiry));
    }

    @Test
    void aChannelNeverConnectedHasNoTokens() {
        assertThat(tokens.find(channel())).isEmpty();
    }

    @Test
    void aRenewalWithoutANewRefreshTokenKeepsTheOldOneAndANewOneReplacesIt() {
        long channel = channel();
        tokens.store(channel, new ChannelTokens.Tokens("UC-account", "old-access", "first-refresh", Instant.now()));

        tokens.renewed(channel, "new-access", Instant.now().plusSeconds(3600), null);
        assertThat(tokens.find(channel).orElseThrow()).extracting(ChannelTokens.Tokens::accessToken,
                ChannelTokens.Tokens::refreshToken).containsExactly("new-access", "first-refresh");

        tokens.renewed(channel, "newer-access", Instant.now().plusSeconds(3600), "rotated-refresh");
        assertThat(tokens.find(channel).orElseThrow().refreshToken()).isEqualTo("rotated-refresh");
    }

    @Test
    void savingTheChannelAfterARefreshKeepsTheRefreshedToken() {
        long channel = channel();
        tokens.store(channel, new ChannelTokens.Tokens("UC-account", "old-access", "refresh", Instant.now()));

        QuarkusTransaction.requiringNew().run(() -> {
            Channel loaded = Channel.findById(channel);
            tokens.renewed(channel, "new-access", Instant.now().plusSeconds(3600), null);
            loaded.pauseReason = "changed while the token was refreshed";
        });

        assertThat(tokens.find(channel).orElseThrow().accessToken()).isEqualTo("new-access");
    }

    @Test
    void aTokenCopiedToAnotherChannelCannotBeOpened() {
        long first = channel();
        long second = channel();
        tokens.store(first, new ChannelTokens.Tokens("UC-1", "first-access", null, Instant.now()));
        tokens.store(second, new ChannelTokens.Tokens("UC-2", "second-access", null, Instant.now()));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE channel SET access_token_sealed ="
                + " (SELECT t.access_token_sealed FROM (SELECT access_token_sealed FROM channel WHERE id = :first) t)"
                + " WHERE id = :second").setParameter("first", first).setParameter("second", second).executeUpdate());

        assertThatThrownBy(() -> tokens.find(second)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("channel " + second + " access token").hasMessageContaining("altered or damaged");
    }
}
