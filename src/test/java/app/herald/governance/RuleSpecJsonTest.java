package app.herald.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.herald.governance.engine.RuleSpec;

/** Every kind's settings survive being stored as JSON and read back. */
class RuleSpecJsonTest {

    static Stream<RuleSpec> specs() {
        return Stream.of(
                new RuleSpec.BannedTerm(List.of("creme", "free money"), List.of("creme brulee recipe")),
                new RuleSpec.RequiredDisclaimer("Paid partnership", List.of("#ad", "sponsored")),
                new RuleSpec.RegexPattern("\\b\\d{3}-\\d{4}\\b", true, false),
                new RuleSpec.HashtagRule(List.of("#northwind"), List.of(), 5),
                new RuleSpec.HashtagRule(List.of(), List.of("#crypto"), null),
                new RuleSpec.LengthLimit(80),
                new RuleSpec.LinkAllowlist(List.of()),
                new RuleSpec.ClaimWord(List.of("guaranteed", "clinically proven")));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void roundTrips(RuleSpec spec) {
        assertThat(RuleSpecJson.read(spec.kind(), RuleSpecJson.write(spec))).isEqualTo(spec);
    }
}
