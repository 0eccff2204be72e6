package app.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.herald.account.AccountsFixture;
import app.herald.account.Role;
import app.herald.content.ContentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A display zone Herald does not accept is refused on the profile page with the reason, keeping the chosen one. */
@QuarkusTest
class ProfileZoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mars/Olympus | 'Mars/Olympus' is not an IANA zone id",
            "+05:30 | region-based IANA zone such as Europe/Berlin (not an offset like +05:30)" })
    void aBadZoneIsRefusedAndTheChosenOneStays(String typed, String message) {
        CalendarFixture.Member member = CalendarFixture.member(ContentFixture.demoBrandId(), Role.MARKETER);
        CalendarFixture.setZone(member, "Asia/Tokyo");

        Response refused = member.session().submit("/profile", "/profile/zone", Map.of("timezone", typed));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.text()).contains(message);
        assertThat(page.select("input[name=timezone]").attr("value")).isEqualTo(typed);
        assertThat(AccountsFixture.load(member.username()).timezone).isEqualTo("Asia/Tokyo");
    }
}
