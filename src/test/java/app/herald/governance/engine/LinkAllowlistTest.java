package app.herald.governance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static app.herald.governance.engine.TestRules.check;
import static app.herald.governance.engine.TestRules.matched;
import static org.assertj.core.api.Assertions.assertThat;

/** Link allow-lists: subdomains pass, look-alike domains do not. */
class LinkAllowlistTest {

    private static final RuleSpec EXAMPLE = new RuleSpec.LinkAllowlist(List.of("example.com", "Bücher.de"));

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://shop.example.com/x?y=1", "HTTPS://EXAMPLE.COM/A",
            "www.example.com", "https://a.b.example.com:8443/p#f", "https://xn--bcher-kva.de/buch", "https://bücher.de",
            "https://evil.io@example.com/"})
    void allowedDomainsAndSubdomainsPass(String link) {
        assertThat(check(EXAMPLE, "Shop now: " + link + " 🔥")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil-example.com", "https://example.com.evil.io/path", "https://example.co",
            "https://example.com@evil.io/", "www.notexample.com", "https://exаmple.com"})
    void lookAlikesAreFindings(String link) {
        assertThat(matched(check(EXAMPLE, "Shop now: " + link + " 🔥"))).containsExactly(link);
    }

    @Test
    void trailingPunctuationIsNotPartOfTheLink() {
        List<Finding> findings = check(EXAMPLE, "See https://evil.io/path. Or (www.evil.io/a), https://x.io/wiki/(b)!");
        assertThat(matched(findings)).containsExactly("https://evil.io/path", "www.evil.io/a", "https://x.io/wiki/(b)");
        assertThat(findings.get(0).message()).isEqualTo("Link to evil.io is not on the allow-list.");
    }

    @Test
    void emptyAllowListForbidsEveryLink() {
        assertThat(check(new RuleSpec.LinkAllowlist(List.of()), "https://example.com and www.a.org")).hasSize(2);
    }

    @Test
    void textWithoutLinksPasses() {
        assertThat(check(EXAMPLE, "example.com is our shop, email hi@evil.io")).isEmpty();
    }
}
