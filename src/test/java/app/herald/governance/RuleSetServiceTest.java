package app.herald.governance;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.governance.engine.CheckedText;
import app.herald.governance.engine.CompiledRuleSet;
import app.herald.governance.engine.Finding;
import app.herald.platform.Platform;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compiled rule set of a brand: active rules at their current versions, recompiled only when a rule changes. */
@QuarkusTest
class RuleSetServiceTest {

    @Inject
    RuleSetService ruleSets;

    @Test
    void compilesActiveRulesAtTheirCurrentVersionsOncePerRuleSetVersion() {
        long brand = GovernanceFixture.newBrand("reviewer");
        long rule = GovernanceFixture.create(DemoUsers.reviewer(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Cached"), "terms", "alpha"));
        GovernanceFixture.create(DemoUsers.reviewer(), brand, "CLAIM_WORD",
                Map.of("name", GovernanceFixture.unique("Claims"), "claims", "guaranteed"));

        CompiledRuleSet first = ruleSets.current(brand);
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.rules()).hasSize(2);
        assertThat(ruleSets.current(brand)).isSameAs(first);

        String edit = "/governance/rules/" + rule + "/edit";
        DemoUsers.reviewer().submit(edit, edit, Map.of("name", "Renamed " + rule, "severity", "WARN", "platformScope", "ALL",
                "fieldScope", "ALL", "terms", "beta", "baseVersion", 1));
        CompiledRuleSet edited = ruleSets.current(brand);
        assertThat(edited).isNotSameAs(first);
        assertThat(edited.version()).isEqualTo(3);
        assertThat(edited.check(new CheckedText(Platform.TIKTOK, Map.of("title", "alpha beta"))))
                .extracting(Finding::ruleId, Finding::ruleVersion, Finding::matched)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rule, 2, "beta"));

        DemoUsers.reviewer().submit("/", "/governance/rules/" + rule + "/deactivate", Map.of());
        CompiledRuleSet deactivated = ruleSets.current(brand);
        assertThat(deactivated.version()).isEqualTo(4);
        assertThat(deactivated.rules()).extracting(r -> r.id()).doesNotContain(rule).hasSize(1);
    }

    @Test
    void anUnknownBrandIsNotFound() {
        assertThatThrownBy(() -> ruleSets.current(987654321L)).isInstanceOf(NotFoundException.class);
    }
}
