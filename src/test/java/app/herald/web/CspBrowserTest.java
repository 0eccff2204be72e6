package app.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Collects the page's CSP violations; injected by the browser driver, so the policy does not apply to it. */
    private static final String RECORD_VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));";

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests need Chromium at /usr/bin/chromium; install it with: apt-get install -y chromium");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void theContentFormsLiveCountersAndSaveWorkUnderThePolicy() {
        try (Page page = browser.newPage()) {
            List<String> refusals = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    refusals.add(message.text());
                }
            });
            page.addInitScript(RECORD_VIOLATIONS);
            page.navigate(base + "login");
            page.fill("#j_username", "marketer");
            page.fill("#j_password", DemoUsers.PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(url -> !url.contains("/login"));
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
        try (BrowserContext browserWindow = browser.newContext(); Page form = browserWindow.newPage()) {
            form.navigate(base + "login");
            form.fill("#j_username", "marketer");
            form.fill("#j_password", DemoUsers.PASSWORD);
            form.click("button[type=submit]");
            form.waitForURL(url -> !url.contains("/login"));
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
