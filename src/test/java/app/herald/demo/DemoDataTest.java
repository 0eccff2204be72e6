package app.herald.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import app.herald.account.AppUser;
import app.herald.account.DemoUsers;
import app.herald.calendar.Publication;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.Channel;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.governance.GovernanceRule;
import app.herald.governance.RuleVersion;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a demo user meets on a fresh start: rules, content in every stage, a filled calendar, and no duplicates. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void reviewerFindsTheSubmittedItemWithItsClaimWarning() {
        WebSession reviewer = DemoUsers.reviewer();

        Element link = reviewer.page("/review").selectFirst("td a:containsOwn(" + DemoData.SUBMITTED_TITLE + ")");

        assertThat(link).isNotNull();
        Document review = reviewer.page(link.attr("href"));
        assertThat(review.select("li.finding-warn").eachText())
                .anySatisfy(text -> assertThat(text).contains("Health and performance claims"));
    }

    @Test
    void calendarShowsTheScheduledItemOnEverySandboxChannel() {
        List<Booked> booked = QuarkusTransaction.requiringNew().call(() -> Publication
                .<Publication>list("content.title = ?1 and content.brand.name = ?2", DemoData.SCHEDULED_TITLE, DemoData.BRAND)
                .stream().map(publication -> new Booked(publication.id, publication.status, publication.channel.sandbox,
                        publication.scheduledAt))
                .toList());
        assertThat(booked).hasSize(3).allSatisfy(publication -> {
            assertThat(publication.status()).isEqualTo(PublicationStatus.SCHEDULED);
            assertThat(publication.sandbox()).isTrue();
        });
        WebSession marketer = DemoUsers.marketer();
        Document thisMonth = marketer.page("/calendar");
        ZoneId zone = ZoneId.of(thisMonth.select("#viewer-zone").text());

        for (Booked publication : booked) {
            LocalDate day = publication.at().atZone(zone).toLocalDate();
            // The demo books a few days ahead, so the item is on this month's page or the next one.
            Document month = YearMonth.from(day).equals(YearMonth.now(zone)) ? thisMonth
                    : marketer.page(thisMonth.select("a[rel=next]").attr("href"));
            assertThat(month.select("td.cal-day[data-date=" + day + "] .cal-item[data-publication=" + publication.id() + "]"))
                    .as("publication %s on %s", publication.id(), day).hasSize(1);
        }
        assertThat(states()).containsEntry(DemoData.DRAFT_TITLE, ContentState.DRAFT)
                .containsEntry(DemoData.SUBMITTED_TITLE, ContentState.SUBMITTED)
                .containsEntry(DemoData.SCHEDULED_TITLE, ContentState.SCHEDULED);
    }

    @Test
    void seedingAgainAddsNothing() {
        List<Long> before = counts();

        demoData.seed();

        assertThat(counts()).isEqualTo(before);
        for (String rule : List.of("Health and performance claims", "Get-rich wording", "Sponsored posts say #ad")) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> RuleVersion.count("name = ?1 and rule.brand.name = ?2",
                    rule, DemoData.BRAND))).as(rule).isEqualTo(1);
        }
    }

    /** What the calendar test needs of one publication, read inside its transaction. */
    private record Booked(long id, PublicationStatus status, boolean sandbox, Instant at) {
    }

    /** Rules, content, revisions and publications of the demo brand, then channels and users. */
    private static List<Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                GovernanceRule.count("brand.name", DemoData.BRAND),
                ContentItem.count("brand.name", DemoData.BRAND),
                ContentRevision.count("contentId in (select id from ContentItem where brand.name = ?1)", DemoData.BRAND),
                Publication.count("content.brand.name", DemoData.BRAND),
                Channel.count("brand.name", DemoData.BRAND),
                AppUser.count()));
    }

    private static Map<String, ContentState> states() {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.<ContentItem>list("brand.name = ?1 and createdBy = ?2",
                DemoData.BRAND, "marketer").stream().collect(Collectors.toMap(item -> item.title,
                        item -> item.state, (first, second) -> first)));
    }
}
