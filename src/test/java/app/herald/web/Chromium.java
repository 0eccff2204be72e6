package app.herald.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright for a browser test class ({@code @RegisterExtension static final Chromium
 * chromium = new Chromium();}), never a downloaded browser: without it the class is skipped with a message naming
 * what to install.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    /**
     * An init script that collects the page's Content-Security-Policy violations in {@code window.__violations};
     * injected by the browser driver, so the policy does not apply to it.
     */
    public static final String RECORD_VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));";

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(Files.isExecutable(EXECUTABLE),
                "Browser tests need Chromium at /usr/bin/chromium; install it with: apt-get install -y chromium");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Records {@code page}'s Content-Security-Policy refusals from now on: the console messages are returned (and
     * grow as they come), the violation events collect in {@code window.__violations} ({@link #RECORD_VIOLATIONS}).
     */
    public static List<String> recordCspRefusals(Page page) {
        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refusals.add(message.text());
            }
        });
        page.addInitScript(RECORD_VIOLATIONS);
        return refusals;
    }

    /** A new page signed in as {@code username} through the login form of the app at {@code base}. */
    public Page signedIn(String base, String username, String password) {
        Page page = browser.newPage();
        signIn(page, base, username, password);
        return page;
    }

    /** Signs in through the real login form at {@code base} and waits until the browser has left it. */
    public static void signIn(Page page, Object base, String username, String password) {
        page.navigate(base + "login");
        page.fill("#j_username", username);
        page.fill("#j_password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
