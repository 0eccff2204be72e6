package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import app.herald.account.DemoUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The content form in a real browser (Debian's Chromium) under Herald's Content-Security-Policy: the policy is
 * enforced, and the page's own script (live counters) and form posts work without a single violation.
 */
@QuarkusTest
class CspBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void theContentFormsLiveCountersAndSaveWorkUnderThePolicy() {
        try (Page page = chromium.browser().newPage()) {
            List<String> refusals = Chromium.recordCspRefusals(page);
            Chromium.signIn(page, base, "marketer", DemoUsers.PASSWORD);
            page.navigate(base + "content/new");

            // The policy is really in force: an injected inline script does not run.
            Object ran = page.evaluate("() => { const s = document.createElement('script');"
                    + " s.textContent = 'window.__inlineRan = true'; document.head.appendChild(s);"
                    + " return window.__inlineRan === true; }");
            assertThat(ran).isEqualTo(false);
            assertThat(violations(page)).anyMatch(violation -> violation.startsWith("script-src-elem inline"));
            page.evaluate("() => { window.__violations = []; }");
            refusals.clear();

            page.fill("#title", "Trail mix under a strict policy");
            page.fill("#tiktokBody", "x".repeat(2300));
            PlaywrightAssertions.assertThat(page.locator("article[aria-label='TikTok'] .counters li.over"))
                    .containsText("2300");
            page.click("button[value=draft]");
            page.waitForURL(Pattern.compile(".*/content/\\d+$"));
            PlaywrightAssertions.assertThat(page.locator(".flash")).isVisible();

            assertThat(violations(page)).isEmpty();
            assertThat(refusals).isEmpty();
        }
    }

    @Test
    void aFormStillPostsAfterAnotherTabOpenedAHeraldPage() {
        try (BrowserContext browserWindow = chromium.browser().newContext(); Page form = browserWindow.newPage()) {
            Chromium.signIn(form, base, "marketer", DemoUsers.PASSWORD);
            form.navigate(base + "content/new");
            String loaded = form.inputValue("form.content-form input[name=csrf-token]");

            try (Page other = browserWindow.newPage()) {
                other.navigate(base + "content");
                PlaywrightAssertions.assertThat(other.locator("h1")).isVisible();
            }
            // Back to the first tab, as the browser tells a page that is shown again.
            form.bringToFront();
            form.evaluate("() => window.dispatchEvent(new Event('focus'))");
            form.waitForFunction("loaded => document.querySelector('form.content-form input[name=csrf-token]').value"
                    + " !== loaded", loaded);

            form.fill("#title", "Written while another tab was open");
            form.click("button[value=draft]");
            form.waitForURL(Pattern.compile(".*/content/\\d+$"));
            PlaywrightAssertions.assertThat(form.locator("h1")).containsText("Written while another tab was open");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        return (List<String>) page.evaluate("() => window.__violations");
    }
}
