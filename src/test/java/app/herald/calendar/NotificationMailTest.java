package app.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.channel.ChannelStatus;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A user who gave an e-mail address on their profile gets their notifications by e-mail too. */
@QuarkusTest
class NotificationMailTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    ApprovalDeadlines deadlines;

    private static String emailOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElseThrow().email);
    }

    @Test
    void aBadAddressIsRefusedAndAGoodOneReceivesTheNotification() {
        long brand = CalendarFixture.brand("Europe/Paris");
        CalendarFixture.Member owner = CalendarFixture.member(brand, Role.MARKETER);

        Response refused = owner.session().submit("/profile", "/profile/email", Map.of("email", "not an address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body().asString()).select(".form-error").text())
                .contains("'not an address' is not an e-mail address");
        assertThat(emailOf(owner.username())).isNull();

        String address = owner.username() + "@example.org";
        assertThat(owner.session().submit("/profile", "/profile/email", Map.of("email", " " + address + " ")).statusCode())
                .isEqualTo(303);
        assertThat(emailOf(owner.username())).isEqualTo(address);
        assertThat(owner.session().page("/profile").select("input[name=email]").val()).isEqualTo(address);

        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Europe/Paris", 15, 0, ChannelStatus.ACTIVE);
        Instant slot = Instant.parse("2031-03-10T15:00:00Z");
        long content = CalendarFixture.approvedContent(brand, "Mailed later", SequencingStrategy.BALANCED,
                EnumSet.of(Platform.TIKTOK), owner.username());
        long publication = CalendarFixture.publication(content, channel, slot, PublicationStatus.SCHEDULED);
        CalendarFixture.editAfterApproval(content);
        deadlines.markMissedApprovals(slot.plusSeconds(60));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(address).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Herald: 'Mailed later' was not approved by its slot");
        assertThat(mails.get(0).getText()).contains("was not published").contains("profile page");
        assertThat(CalendarFixture.load(publication).status).isEqualTo(PublicationStatus.NEEDS_RESCHEDULE);

        assertThat(owner.session().submit("/profile", "/profile/email", Map.of("email", "")).statusCode()).isEqualTo(303);
        assertThat(emailOf(owner.username())).isNull();
    }
}
