package app.herald.calendar;

import java.time.Instant;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Content not approved by its slot is never published late: the job marks it and tells the owner. */
@QuarkusTest
class ApprovalDeadlinesTest {

    @Inject
    ApprovalDeadlines deadlines;

    @Test
    void aPublicationWhoseContentLostItsApprovalIsMarkedAtItsSlotAndTheOwnerNotified() {
        long brand = CalendarFixture.brand("America/New_York");
        CalendarFixture.Member owner = CalendarFixture.member(brand, Role.MARKETER);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "America/New_York", 15, 0, ChannelStatus.ACTIVE);
        Instant slot = Instant.parse("2030-01-10T15:00:00Z");
        long edited = CalendarFixture.approvedContent(brand, "Edited later", app.herald.content.SequencingStrategy.BALANCED,
                java.util.EnumSet.of(Platform.TIKTOK), owner.username());
        long stale = CalendarFixture.publication(edited, channel, slot, PublicationStatus.SCHEDULED);
        long fine = CalendarFixture.publication(CalendarFixture.approvedContent(brand, "Still approved"), channel,
                slot.plusSeconds(3600), PublicationStatus.SCHEDULED);
        CalendarFixture.editAfterApproval(edited);

        assertThat(deadlines.markMissedApprovals(slot.minusSeconds(60))).isZero();
        assertThat(CalendarFixture.load(stale).status).isEqualTo(PublicationStatus.SCHEDULED);

        deadlines.markMissedApprovals(slot.plusSeconds(7200));

        assertThat(CalendarFixture.load(stale).status).isEqualTo(PublicationStatus.NEEDS_RESCHEDULE);
        assertThat(CalendarFixture.load(fine).status).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("recipient", owner.username())))
                .isEqualTo(1);
        Document home = owner.session().page("/");
        assertThat(home.select(".notif-count").text()).isEqualTo("1");
        Document list = owner.session().page("/notifications");
        assertThat(list.select(".notifications li.unread").text()).contains("'Edited later' was not approved by its slot");
        assertThat(list.select(".notifications a").attr("href")).isEqualTo("/calendar/publications/" + stale);

        owner.session().submit("/notifications", "/notifications/read", java.util.Map.of());
        assertThat(owner.session().page("/").select(".notif-count")).isEmpty();
        assertThat(deadlines.markMissedApprovals(slot.plusSeconds(7200))).isZero();
    }
}
