package app.herald.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.AccountsFixture;
import app.herald.account.DemoUsers;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BrandPagesTest {

    private static Map<String, Object> brand(String name, String zone) {
        return Map.of("name", name, "timezone", zone, "voice", "Calm", "defaultHashtags", "#calm #test");
    }

    @Test
    void adminCreatesABrandAndChoosesItsMembers() {
        String name = "Brand " + UUID.randomUUID().toString().substring(0, 8);
        WebSession admin = DemoUsers.admin();
        Response created = admin.submit("/brands", "/brands", brand(name, "Europe/Berlin"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");

        admin.submit(location.replaceFirst("^https?://[^/]+", ""), location.replaceFirst("^https?://[^/]+", "") + "/members",
                Map.of("members", List.of(String.valueOf(AccountsFixture.idOf("manager")))));

        Brand stored = QuarkusTransaction.requiringNew().call(() -> {
            Brand b = Brand.findByName(name).orElseThrow();
            b.members.size();
            return b;
        });
        assertThat(stored.timezone).isEqualTo("Europe/Berlin");
        assertThat(stored.members).extracting(user -> user.username).containsExactly("manager");
        assertThat(admin.page("/brands").select("tbody").text()).contains(name, "Europe/Berlin");
    }

    @Test
    void invalidZoneIsRefusedKeepingTheValues() {
        String name = "Zoneless " + UUID.randomUUID().toString().substring(0, 8);
        Response refused = DemoUsers.admin().submit("/brands", "/brands", brand(name, "Mars/Olympus"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").text()).contains("'Mars/Olympus' is not an IANA zone id");
        assertThat(page.select("#name").val()).isEqualTo(name);
        assertThat(page.select("#voice").text()).isEqualTo("Calm");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Brand.findByName(name).isPresent())).isFalse();
    }

    @Test
    void offsetZonesAndBadHashtagsAreRefused() {
        WebSession admin = DemoUsers.admin();
        assertThat(Jsoup.parse(admin.submit("/brands", "/brands", brand("Offset " + UUID.randomUUID(), "+02:00"))
                .body().asString()).select(".form-error").text()).contains("region-based IANA zone");
        Response hashtags = admin.submit("/brands", "/brands", Map.of("name", "Tags " + UUID.randomUUID(),
                "timezone", "UTC", "defaultHashtags", "not a hashtag"));
        assertThat(Jsoup.parse(hashtags.body().asString()).select(".form-error").text()).startsWith("Default hashtags must be");
    }

    @Test
    void duplicateNameIsRefused() {
        Response duplicate = DemoUsers.admin().submit("/brands", "/brands", brand("Northwind Outdoor", "UTC"));
        assertThat(Jsoup.parse(duplicate.body().asString()).select(".form-error").text())
                .isEqualTo("A brand named 'Northwind Outdoor' already exists.");
    }

    @Test
    void nonMembersDoNotSeeABrandsContent() {
        String name = "Private " + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.admin().submit("/brands", "/brands", brand(name, "UTC"));
        long brandId = QuarkusTransaction.requiringNew().call(() -> Brand.findByName(name).orElseThrow().id);

        Response refused = DemoUsers.marketer().submit("/content/new", "/content", Map.of("brandId", brandId,
                "title", "Sneaky", "platforms", List.of("TIKTOK"), "action", "draft"));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(DemoUsers.marketer().page("/content/new").select("#brandId option").eachText())
                .noneMatch(option -> option.contains(name));
    }
}
