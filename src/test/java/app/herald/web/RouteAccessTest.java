package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.herald.account.AccountsFixture;
import app.herald.account.DemoUsers;
import app.herald.content.ContentFixture;
import app.herald.channel.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Who may open which page: every page route × anonymous and each demo role. */
@QuarkusTest
class RouteAccessTest {

    private static final int LOGIN = DemoUsers.LOGIN;

    /** Expected status per visitor: anonymous, marketer, reviewer, manager, admin. */
    static Stream<Arguments> routes() {
        String marketer = "/admin/users/" + "{marketer}";
        return Stream.of(
                Arguments.of("/", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/admin/users", List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of(marketer, List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of(marketer + "/deactivate", List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of("/login", List.of(200, 303, 303, 303, 303)),
                Arguments.of("/logout", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/brands", List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of("/brands/{brand}", List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of("/content", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/content/new", List.of(LOGIN, 200, 403, 403, 200)),
                Arguments.of("/content/{content}", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/content/{content}/edit", List.of(LOGIN, 200, 403, 403, 200)),
                Arguments.of("/review", List.of(LOGIN, 403, 200, 403, 200)),
                Arguments.of("/review/{content}", List.of(LOGIN, 403, 200, 403, 200)),
                Arguments.of("/audit", List.of(LOGIN, 403, 200, 200, 200)),
                Arguments.of("/audit.csv", List.of(LOGIN, 403, 200, 200, 200)),
                Arguments.of("/channels", List.of(LOGIN, 200, 200, 200, 200)),
                Arguments.of("/experiments", List.of(LOGIN, 403, 403, 200, 200)),
                Arguments.of("/experiments/new", List.of(LOGIN, 403, 403, 200, 200)),
                // Without credentials (this profile) the admin is sent back to /channels with the settings to fill.
                Arguments.of("/channels/connect/youtube?brand={brand}", List.of(LOGIN, 403, 403, 403, 303)),
                Arguments.of("/channels/oauth/youtube/callback?state=unknown&code=x", List.of(LOGIN, 403, 403, 403, 303)),
                Arguments.of("/channels/oauth/facebook/pages/0", List.of(LOGIN, 403, 403, 403, 404)),
                Arguments.of("/channels/{channel}/disconnect", List.of(LOGIN, 403, 403, 403, 200)),
                Arguments.of("/analytics", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/kpis", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/trend", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/top", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/compare", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/strategies", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/data/heatmap", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/export.csv?report=top", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/report", List.of(LOGIN, 200, 403, 200, 200)),
                Arguments.of("/analytics/report.pdf", List.of(LOGIN, 200, 403, 200, 200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachVisitorGetsTheExpectedAnswer(String route, List<Integer> expected) {
        String path = route.replace("{marketer}", String.valueOf(AccountsFixture.idOf("marketer")))
                .replace("{brand}", String.valueOf(ContentFixture.demoBrandId()))
                .replace("{content}", String.valueOf(content()))
                .replace("{channel}", String.valueOf(QuarkusTransaction.requiringNew().call(() ->
                        Channel.<Channel>find("sandbox = true order by id").firstResult().id)));
        DemoUsers.assertEachVisitorGets(path, expected);
    }

    private static Long contentId;

    /** One submitted item of the demo brand, shared by the matrix rows that need one. */
    private static synchronized long content() {
        if (contentId == null) {
            contentId = ContentFixture.submitted(DemoUsers.marketer(), "Route matrix item");
        }
        return contentId;
    }

    @Test
    void forbiddenPostsAreRefusedToo() {
        long marketerId = AccountsFixture.idOf("marketer");
        Response response = DemoUsers.manager().submit("/", "/admin/users/" + marketerId + "/roles",
                Map.of("roles", List.of("ADMIN")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(AccountsFixture.load("marketer").roles).isEqualTo("MARKETER");
    }

    @Test
    void navigationShowsExactlyTheAreasOfEachRole() {
        assertThat(navigation(DemoUsers.marketer().page("/")))
                .containsExactly("Dashboard", "Content", "Calendar", "Analytics", "Governance", "Channels");
        assertThat(navigation(DemoUsers.reviewer().page("/")))
                .containsExactly("Dashboard", "Content", "Review", "Calendar", "Governance", "Channels");
        assertThat(navigation(DemoUsers.manager().page("/")))
                .containsExactly("Dashboard", "Content", "Calendar", "Analytics", "Experiments", "Governance", "Channels");
        assertThat(navigation(DemoUsers.admin().page("/")))
                .containsExactly("Dashboard", "Content", "Review", "Calendar", "Analytics", "Experiments", "Governance",
                        "Channels", "Admin");
    }

    @Test
    void navigationMarksTheCurrentArea() {
        Document users = DemoUsers.admin().page("/admin/users");
        assertThat(users.select(".mainnav [aria-current=page]").text()).isEqualTo("Admin");
    }

    @Test
    void anonymousVisitorsSeeNoNavigation() {
        assertThat(WebSession.anonymous().page("/login").select(".mainnav")).isEmpty();
    }

    private static List<String> navigation(Document page) {
        return page.select(".mainnav li").eachText();
    }
}
