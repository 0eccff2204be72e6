package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownAddressShowsTheHtmlNotFoundPage() {
        Response response = DemoUsers.marketer().get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select(".mainnav")).isNotEmpty();
    }

    @Test
    void unknownRecordShowsTheHtmlNotFoundPage() {
        Response response = DemoUsers.admin().get("/admin/users/987654321");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body().asString()).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void forbiddenPageExplainsInHtmlWithoutDetails() {
        Response response = DemoUsers.reviewer().get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("text/html");
        String body = response.body().asString();
        assertThat(Jsoup.parse(body).select("h1").text()).isEqualTo("Not allowed");
        assertThat(body).doesNotContain("Exception", "at app.herald");
    }

    @Test
    void malformedIdIsNotAServerError() {
        Response response = DemoUsers.admin().get("/admin/users/not-a-number");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body().asString()).doesNotContain("Exception");
    }
}
