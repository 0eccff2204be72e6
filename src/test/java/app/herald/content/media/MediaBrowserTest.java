package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import app.herald.account.DemoUsers;
import app.herald.content.ContentItem;
import app.herald.web.Chromium;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In a real browser: the new-content form sends its text and video through the upload script (one request, with
 * the clicked button's action), and the content page's player loads and seeks the video through byte ranges.
 */
@QuarkusTest
class MediaBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aVideoAttachedWhileCreatingPlaysAndSeeks() {
        try (Page page = chromium.signedIn(base.toString(), "marketer", DemoUsers.PASSWORD)) {
            List<Integer> videoStatuses = new CopyOnWriteArrayList<>();
            page.onResponse(response -> {
                if (response.url().contains("/media/files/")) {
                    videoStatuses.add(response.status());
                }
            });
            page.navigate(base + "content/new");
            page.fill("#title", "Made in the browser");
            page.setInputFiles("#media-file", TestVideos.webm());
            page.click("button[name=action][value=draft]");

            page.waitForURL(url -> url.matches(".*/content/\\d+$"));
            long id = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
            assertThat(page.locator(".flash-success").textContent()).contains("Draft 'Made in the browser' saved with its video");
            ContentItem item = QuarkusTransaction.requiringNew().call(() -> {
                ContentItem stored = ContentItem.findById(id);
                stored.media.sha256.length();
                return stored;
            });
            assertThat(item.title).isEqualTo("Made in the browser");
            assertThat(item.media.container).isEqualTo("webm");

            // Functions, not expression strings: the page's CSP forbids eval, which Playwright's polling would need.
            Locator player = page.locator("video.player");
            for (int tries = 0; ((Number) player.evaluate("video => video.readyState")).intValue() < 1; tries++) {
                assertThat(tries).as("video metadata loaded").isLessThan(100);
                page.waitForTimeout(100);
            }
            player.evaluate("video => new Promise(done => { video.addEventListener('seeked', done, { once: true });"
                    + " video.currentTime = 1.5; })");
            assertThat(((Number) player.evaluate("video => video.currentTime")).doubleValue()).isBetween(1.0, 2.0);
            assertThat(videoStatuses).contains(206);
        }
    }
}
