package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.List;

/** Link allow-list rules: every link must point to an allowed domain or one of its subdomains. */
final class LinkCheck extends RuleCheck {

    private final List<String> allowedDomains;

    private LinkCheck(Rule rule, List<String> allowedDomains) {
        super(rule);
        this.allowedDomains = allowedDomains;
    }

    static LinkCheck create(Rule rule) {
        List<String> configured = ((RuleSpec.LinkAllowlist) rule.spec()).allowedDomains();
        List<String> domains = new ArrayList<>();
        for (int k = 0; k < configured.size(); k++) {
            String domain = configured.get(k);
            String normalized = domain == null ? "" : Links.normalizeDomain(domain);
            if (normalized.isEmpty()) {
                throw new RuleCompileException(rule.id(), "Allowed domain " + (k + 1)
                        + (domain == null ? "" : " (" + quote(domain) + ")")
                        + " is not a bare domain name like example.com.");
            }
            domains.add(normalized);
        }
        return new LinkCheck(rule, List.copyOf(domains));
    }

    @Override
    void check(FieldContext ctx, List<Finding> out) {
        for (Links.Link link : ctx.links()) {
            if (allowedDomains.stream().noneMatch(domain -> Links.isUnder(link.host(), domain))) {
                out.add(finding(ctx, link.start(), link.end(), "Link to " + link.host() + " is not on the allow-list."));
            }
        }
    }
}
