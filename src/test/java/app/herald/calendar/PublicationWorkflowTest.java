package app.herald.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.audit.AuditAction;
import app.herald.audit.AuditEntry;
import app.herald.channel.ChannelStatus;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publication status moves only as PublicationStatus allows, and a booked slot remembers where its time came from. */
@QuarkusTest
class PublicationWorkflowTest {

    private static final String NEW_YORK = "America/New_York";

    @Inject
    PublicationWorkflow workflow;

    @Test
    void aMoveThatIsNotAllowedIsRefusedAndLeavesStatusAndAuditAsTheyWere() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Moves"));
        long publication = CalendarFixture.publication(content, channel, Instant.now().plus(2, ChronoUnit.DAYS),
                PublicationStatus.NEEDS_RESCHEDULE);

        assertThat(PublicationStatus.NEEDS_RESCHEDULE.canMoveTo(PublicationStatus.NEEDS_RESCHEDULE)).isFalse();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> workflow.move(Publication.findById(publication),
                PublicationStatus.NEEDS_RESCHEDULE, AuditAction.PUBLICATION_NEEDS_RESCHEDULE, "again", Instant.now())))
                .hasMessageContaining("is NEEDS_RESCHEDULE and cannot become NEEDS_RESCHEDULE");

        assertThat(CalendarFixture.load(publication).status).isEqualTo(PublicationStatus.NEEDS_RESCHEDULE);
        assertThat(auditRows(publication)).isZero();
    }

    @Test
    void keepingTheProposedTimeRecordsTheProposalsSourceAndTypingAnotherRecordsChosen() {
        long brand = CalendarFixture.brand(NEW_YORK);
        long tiktok = CalendarFixture.channel(brand, Platform.TIKTOK, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long youtube = CalendarFixture.channel(brand, Platform.YOUTUBE_SHORTS, NEW_YORK, 15, 0, ChannelStatus.ACTIVE);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Sources"),
                SequencingStrategy.BALANCED, EnumSet.of(Platform.TIKTOK, Platform.YOUTUBE_SHORTS), "marketer");
        CalendarFixture.Member marketer = CalendarFixture.member(brand, Role.MARKETER);
        String form = "/calendar/schedule/" + content;

        Document page = marketer.session().page(form);
        assertThat(page.text()).contains("YouTube Shorts default 14:00, 18:00, 20:00 in the channel's zone")
                .doesNotContain("PRODUCT.md");
        String proposedTikTok = page.selectFirst("#at-" + tiktok).val();
        String proposedYouTube = page.selectFirst("#at-" + youtube).val();
        String typedYouTube = LocalDateTime.parse(proposedYouTube).plusHours(1).toString();

        int status = marketer.session().submit(form, form, Map.of("channelId", List.of(tiktok, youtube),
                "at", List.of(proposedTikTok, typedYouTube), "include", List.of(tiktok, youtube))).statusCode();

        assertThat(status).isEqualTo(303);
        assertThat(slotSource(content, tiktok)).isEqualTo(SlotSource.DOCUMENTED_DEFAULT);
        assertThat(slotSource(content, youtube)).isEqualTo(SlotSource.CHOSEN);
        long youtubePublication = QuarkusTransaction.requiringNew().call(() -> Publication.<Publication>find(
                "content.id = ?1 and channel.id = ?2", content, youtube).firstResult().id);
        assertThat(marketer.session().page("/calendar/publications/" + youtubePublication).text()).contains("Chosen by a user");
    }

    private static SlotSource slotSource(long content, long channel) {
        return QuarkusTransaction.requiringNew().call(() -> Publication.<Publication>find("content.id = ?1 and channel.id = ?2",
                content, channel).firstResult().slotSource);
    }

    private static long auditRows(long publication) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("subjectType = ?1 and subjectId = ?2",
                PublicationWorkflow.AUDIT_SUBJECT, publication));
    }
}
