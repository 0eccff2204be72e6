package app.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.Role;
import app.herald.audit.AuditAction;
import app.herald.audit.AuditEntry;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.channel.SandboxFailureMode;
import app.herald.content.ContentState;
import app.herald.content.SequencingStrategy;
import app.herald.dispatch.DispatchFixture;
import app.herald.dispatch.Dispatcher;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The publication page after dispatch (reason, attempts, channel pause) and its actions: retry, cancel, mark published. */
@QuarkusTest
class PublicationActionsTest {

    @Inject
    Dispatcher dispatcher;

    private static String page(long id) {
        return "/calendar/publications/" + id;
    }

    /** A publication of content written by {@code author}, with a video, on a Sandbox channel of {@code brand}. */
    private static long publication(long brand, String author, SandboxFailureMode mode, PublicationStatus status) {
        long channel = DispatchFixture.sandboxChannel(brand, Platform.TIKTOK, mode);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Actions"), SequencingStrategy.BALANCED,
                EnumSet.allOf(Platform.class), author);
        DispatchFixture.attachVideo(content, 50_000);
        return CalendarFixture.publication(content, channel, Instant.now().minusSeconds(5), status);
    }

    private void dispatchUntilSettled(String name) {
        for (int round = 0; round < 50 && dispatcher.round(name) > 0; round++) {
            // Each round claims afresh.
        }
    }

    private static List<AuditEntry> audit(long id, AuditAction action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = ?1 and subjectId = ?2 and action = ?3 order by id", "PUBLICATION", id, action));
    }

    /** The reason a refused action shows above the actions. */
    private static String refusal(Response response) {
        return Jsoup.parse(response.body().asString()).select("#actions ~ .form-error").text();
    }

    /** Follows a 303 and returns the page it lands on. */
    private static Document landed(WebSession session, Response response) {
        assertThat(response.statusCode()).isEqualTo(303);
        return session.page(response.header("Location"));
    }

    @Test
    void theBeforeAndAfterOfAServerErrorShowsTheReasonTheNextAttemptAndEveryAttempt() {
        long brand = DispatchFixture.brand();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        CalendarFixture.setZone(manager, "America/New_York");
        long id = publication(brand, "marketer", SandboxFailureMode.SERVER_ERROR_ONCE, PublicationStatus.SCHEDULED);

        assertThat(manager.session().page(page(id)).text()).contains("No attempt yet: the dispatcher sends it at its slot.");

        dispatcher.round("test-page");

        Document shown = manager.session().page(page(id));
        assertThat(shown.select("h1 .badge").text()).isEqualTo("Waiting to retry");
        assertThat(shown.select("dl.facts").text()).contains("Reason", "Sandbox: the server had a problem (503).")
                .contains("Next attempt").contains("(America/New_York)");
        List<String> rows = shown.select("table tbody tr").eachText();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("SEND", "TRANSIENT", "503", "backend_error",
                "Sandbox: the server had a problem (503).", "test-page", "(America/New_York)"));
        assertThat(shown.text()).doesNotContain("No attempt yet");
    }

    @Test
    void aPausedChannelSaysItIsNotDispatchedAndWhy() {
        long brand = DispatchFixture.brand();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.SCHEDULED);
        QuarkusTransaction.requiringNew().run(() -> {
            Channel channel = Publication.<Publication>findById(id).channel;
            channel.status = ChannelStatus.RECONNECT_NEEDED;
            channel.pauseReason = "The platform revoked the token.";
        });

        assertThat(manager.session().page(page(id)).select("p.warn").text())
                .isEqualTo("The channel needs reconnecting, so the dispatcher does not send it: The platform revoked the token.");
    }

    @Test
    void retryNowSendsAFailedPublicationAgainAndItIsPublishedWithItsSandboxLink() {
        long brand = DispatchFixture.brand();
        Member author = CalendarFixture.member(brand, Role.MARKETER);
        long id = publication(brand, author.username(), SandboxFailureMode.NONE, PublicationStatus.FAILED);
        QuarkusTransaction.requiringNew().run(() -> {
            Publication publication = Publication.findById(id);
            publication.failureReason = "Gave up after 5 retries: Sandbox said no.";
            publication.retries = 6;
            publication.content.state = ContentState.FAILED;
        });

        Document after = landed(author.session(), author.session().submit(page(id), page(id) + "/retry", Map.of()));
        assertThat(after.select(".flash").text()).contains("goes again at the dispatcher's next round");
        assertThat(after.select("h1 .badge").text()).isEqualTo("Waiting to retry");
        Publication waiting = CalendarFixture.load(id);
        assertThat(waiting.retries).isZero();
        assertThat(CalendarFixture.content(waiting.content.id).state).isEqualTo(ContentState.PUBLISHING);
        assertThat(audit(id, AuditAction.PUBLICATION_RETRIED)).singleElement()
                .satisfies(entry -> assertThat(entry.comment).isEqualTo("Retry now by " + author.username() + "."));

        dispatchUntilSettled("test-retry");

        Document published = author.session().page(page(id));
        assertThat(published.select("h1 .badge").text()).isEqualTo("Published");
        Publication done = CalendarFixture.load(id);
        assertThat(published.select("dl.facts a[href=" + done.platformUrl + "]").text()).isEqualTo("Sandbox");
        assertThat(published.select("dl.facts code").eachText()).contains(done.platformVideoId);
        assertThat(published.select("dl.facts").text()).doesNotContain("Reason");
        assertThat(published.text()).doesNotContain("Retry now");
        assertThat(CalendarFixture.content(done.content.id).state).isEqualTo(ContentState.PUBLISHED);
    }

    @Test
    void cancelNeedsTheConfirmationAndIsRefusedWhileADispatcherHoldsIt() {
        long brand = DispatchFixture.brand();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.SCHEDULED);

        Response unconfirmed = manager.session().submit(page(id), page(id) + "/cancel", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(refusal(unconfirmed)).isEqualTo("Tick \"Yes, cancel this publication\" to cancel it.");
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.SCHEDULED);

        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(id).leaseUntil = Instant.now().plusSeconds(60));
        Response leased = manager.session().submit(page(id), page(id) + "/cancel", Map.of("confirm", "true"));
        assertThat(leased.statusCode()).isEqualTo(400);
        assertThat(refusal(leased)).isEqualTo("A dispatcher is sending it right now, try again in a minute.");
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.SCHEDULED);
        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(id).leaseUntil = null);

        Document after = landed(manager.session(),
                manager.session().submit(page(id), page(id) + "/cancel", Map.of("confirm", "true")));
        assertThat(after.select(".flash").text()).startsWith("Cancelled '");
        assertThat(after.select("h1 .badge").text()).isEqualTo("Cancelled");
        assertThat(audit(id, AuditAction.PUBLICATION_CANCELLED)).singleElement()
                .satisfies(entry -> assertThat(entry.comment).isEqualTo("Cancelled by " + manager.username() + "."));
        // Nothing of it went out, so its content is still scheduled (to be rescheduled), not failed.
        assertThat(CalendarFixture.content(CalendarFixture.load(id).content.id).state).isEqualTo(ContentState.SCHEDULED);
    }

    @Test
    void markAsPublishedNeedsAnIdAndAnHttpsLinkThenStoresWhatThePlatformShows() {
        long brand = DispatchFixture.brand();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.FAILED);
        QuarkusTransaction.requiringNew().run(() -> Publication.<Publication>findById(id).content.state = ContentState.FAILED);
        String action = page(id) + "/mark-published";

        Response noId = manager.session().submit(page(id), action, Map.of("videoId", "   ", "confirm", "true"));
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(refusal(noId)).isEqualTo("Give the platform's video id to mark it as published.");
        Response plainHttp = manager.session().submit(page(id), action,
                Map.of("videoId", "v123", "url", "http://example.org/v123", "confirm", "true"));
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(refusal(plainHttp)).isEqualTo("The link must start with https:// (or leave it empty).");
        assertThat(Jsoup.parse(plainHttp.body().asString()).select("#url").val()).isEqualTo("http://example.org/v123");
        Response unconfirmed = manager.session().submit(page(id), action, Map.of("videoId", "v123"));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(refusal(unconfirmed)).isEqualTo("Tick \"Yes, it is published\" to mark it as published.");
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.FAILED);
        assertThat(CalendarFixture.load(id).platformVideoId).isNull();
        assertThat(audit(id, AuditAction.PUBLICATION_MARKED_PUBLISHED)).isEmpty();

        Document after = landed(manager.session(), manager.session().submit(page(id), action,
                Map.of("videoId", "  v123  ", "url", "https://example.org/v123", "confirm", "true")));
        assertThat(after.select("h1 .badge").text()).isEqualTo("Published");
        assertThat(after.select("dl.facts a[href=https://example.org/v123]").text()).isEqualTo("Sandbox");
        Publication published = CalendarFixture.load(id);
        assertThat(published.platformVideoId).isEqualTo("v123");
        assertThat(published.publishedAt).isNotNull();
        assertThat(published.failureReason).isNull();
        assertThat(CalendarFixture.content(published.content.id).state).isEqualTo(ContentState.PUBLISHED);
        assertThat(audit(id, AuditAction.PUBLICATION_MARKED_PUBLISHED)).singleElement()
                .satisfies(entry -> assertThat(entry.comment).contains(manager.username()));
    }

    /** 403, not 404: the marketer may see the publication (same brand), only not change it; 404 hides other brands. */
    @Test
    void aMarketerWhoIsNotTheAuthorAndAReviewerSeeNoActionAndArePostingInVain() {
        long brand = DispatchFixture.brand();
        Member other = CalendarFixture.member(brand, Role.MARKETER);
        Member reviewer = CalendarFixture.member(brand, Role.REVIEWER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.FAILED);

        for (Member member : List.of(other, reviewer)) {
            Document shown = member.session().page(page(id));
            assertThat(shown.select("form[action^=" + page(id) + "/]").eachAttr("action"))
                    .doesNotContain(page(id) + "/retry", page(id) + "/cancel", page(id) + "/mark-published");
            for (String route : List.of("/retry", "/cancel", "/mark-published")) {
                assertThat(member.session().submit(page(id), page(id) + route,
                        Map.of("confirm", "true", "videoId", "v1")).statusCode()).isEqualTo(403);
            }
        }
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.FAILED);
    }

    @Test
    void aManagerOfAnotherBrandGets404OnEveryActionAndChangesNothing() {
        long brand = DispatchFixture.brand();
        Member intruder = CalendarFixture.member(DispatchFixture.brand(), Role.MANAGER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.FAILED);
        String token = intruder.session().csrfToken("/");

        for (String route : List.of("/retry", "/cancel", "/mark-published")) {
            assertThat(intruder.session().post(page(id) + route, token, Map.of("confirm", "true", "videoId", "v1"))
                    .statusCode()).isEqualTo(404);
        }
        Publication unchanged = CalendarFixture.load(id);
        assertThat(unchanged.status).isEqualTo(PublicationStatus.FAILED);
        assertThat(unchanged.platformVideoId).isNull();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        long brand = DispatchFixture.brand();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long id = publication(brand, "marketer", SandboxFailureMode.NONE, PublicationStatus.SCHEDULED);

        Response forged = manager.session().submitWithoutToken(page(id) + "/cancel", Map.of("confirm", "true"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(CalendarFixture.load(id).status).isEqualTo(PublicationStatus.SCHEDULED);
    }
}
