package app.herald.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission form: generated variants, live checks, and limits that block submission. */
@QuarkusTest
class ContentFormTest {

    private static Map<String, Object> core(String title) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("brandId", ContentFixture.brandId());
        fields.put("title", title);
        fields.put("coreMessage", "Three items beat ten.");
        fields.put("description", "Water, layers and a headlamp.");
        fields.put("hashtags", "#hiking");
        fields.put("niche", "hiking");
        fields.put("audience", "weekend hikers");
        fields.put("sequencing", "VIRAL_FIRST");
        fields.put("platforms", List.of("YOUTUBE_SHORTS", "TIKTOK", "FACEBOOK_REELS"));
        return fields;
    }

    private static Element card(Document page, Platform platform) {
        return page.select("article.check-card[aria-label=" + platform.label() + "]").first();
    }

    @Test
    void emptyVariantsAreWrittenInEachPlatformsStyleWithTheBrandDisclaimer() {
        String title = "Daypack " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> fields = core(title);
        fields.put("action", "draft");
        Response saved = DemoUsers.marketer().submit("/content/new", "/content", fields);
        assertThat(saved.statusCode()).isEqualTo(303);

        long id = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));
        ContentItem item = ContentFixture.load(id);
        assertThat(item.sequencing).isEqualTo(SequencingStrategy.VIRAL_FIRST);
        assertThat(item.variant(Platform.YOUTUBE_SHORTS).orElseThrow().title).isEqualTo(title + " | Hiking explained");
        assertThat(item.variant(Platform.YOUTUBE_SHORTS).orElseThrow().body).contains("Subscribe for more hiking tips.");
        assertThat(item.variant(Platform.TIKTOK).orElseThrow().body).startsWith("Wait for it 👀").contains("#fyp");
        assertThat(item.variant(Platform.FACEBOOK_REELS).orElseThrow().body).contains("Share this with a friend");
        item.variants.forEach(variant -> assertThat(variant.body).contains("Always follow local trail rules."));
    }

    @Test
    void writeTheVariantsFillsTheFieldsAndSavesNothing() {
        String title = "Generated " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> fields = core(title);
        fields.put("action", "generate");
        long before = QuarkusTransaction.requiringNew().call(() -> ContentItem.count());

        Response response = DemoUsers.marketer().submit("/content/new", "/content", fields);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("#youtubeTitle").val()).isEqualTo(title + " | Hiking explained");
        assertThat(page.select("#tiktokBody").text()).contains("Calling all weekend hikers");
        assertThat(page.select("input[name=sequencing][value=VIRAL_FIRST]").hasAttr("checked")).isTrue();
        long after = QuarkusTransaction.requiringNew().call(() -> ContentItem.count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void liveChecksCountEachPlatformsWayAndFlagOverLimits() {
        Map<String, Object> fields = core("Counters");
        fields.put("tiktokBody", "🔥".repeat(1101)); // 2202 UTF-16 units
        fields.put("youtubeBody", "é".repeat(2600)); // 5200 UTF-8 bytes

        Response response = DemoUsers.marketer().submit("/content/new", "/content/checks", fields);

        assertThat(response.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parse(response.body().asString());
        assertThat(card(fragment, Platform.TIKTOK).select(".counters li.over").text())
                .isEqualTo("Caption: 2202 / 2200 UTF-16 units");
        assertThat(card(fragment, Platform.TIKTOK).select(".form-error").text())
                .isEqualTo("TikTok: caption is 2202 UTF-16 units; the limit is 2200 UTF-16 units.");
        assertThat(card(fragment, Platform.YOUTUBE_SHORTS).select(".counters li.over").text())
                .isEqualTo("Description: 5200 / 5000 bytes (UTF-8)");
        assertThat(card(fragment, Platform.FACEBOOK_REELS).select(".counters li.over")).isEmpty();
        assertThat(card(fragment, Platform.FACEBOOK_REELS).select(".preview-body").text()).contains("This one made our day");
    }

    @Test
    void overLimitTextBlocksSubmissionButKeepsTheDraftAndTheTypedValues() {
        String title = "Too long " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> fields = core(title);
        fields.put("platforms", List.of("TIKTOK"));
        fields.put("tiktokBody", "word ".repeat(500));
        fields.put("action", "submit");
        WebSession marketer = DemoUsers.marketer();

        Response refused = marketer.submit("/content/new", "/content", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".form-error").first().text()).isEqualTo("Saved, but not submitted. Fix these before submitting:"
                + " TikTok: caption is 2500 UTF-16 units; the limit is 2200 UTF-16 units.");
        assertThat(page.select("#title").val()).isEqualTo(title);
        assertThat(page.select("#tiktokBody").text()).startsWith("word word");
        String action = page.select("form.content-form").attr("action");
        assertThat(action).matches("/content/\\d+");
        assertThat(ContentFixture.load(Long.parseLong(action.replaceAll(".*/", ""))).state).isEqualTo(ContentState.DRAFT);
    }

    @Test
    void liveChecksNeedTheCsrfTokenAndAnAuthorRole() {
        Map<String, String> fields = Map.of("brandId", String.valueOf(ContentFixture.brandId()), "title", "x",
                "platforms", "TIKTOK");
        WebSession marketer = DemoUsers.marketer();
        marketer.get("/content/new");
        assertThat(marketer.submitWithoutToken("/content/checks", fields).statusCode()).isEqualTo(400);
        assertThat(DemoUsers.reviewer().submit("/content", "/content/checks", fields).statusCode()).isEqualTo(403);
    }
}
