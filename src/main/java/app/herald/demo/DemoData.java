package app.herald.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.herald.account.AppUser;
import app.herald.account.LoginResource;
import app.herald.account.Role;
import app.herald.account.UserService;
import app.herald.analytics.DemoMetricsHistory;
import app.herald.brand.Brand;
import app.herald.calendar.SchedulingService;
import app.herald.channel.Channel;
import app.herald.content.ComplianceReport;
import app.herald.content.ContentCompliance;
import app.herald.content.ContentForm;
import app.herald.content.ContentItem;
import app.herald.content.ContentService;
import app.herald.content.SequencingStrategy;
import app.herald.governance.GovernanceRule;
import app.herald.governance.RuleChange;
import app.herald.governance.RuleDraft;
import app.herald.governance.RuleService;
import app.herald.governance.engine.RuleSpec;
import app.herald.governance.engine.Severity;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpecs;
import app.herald.review.ReviewService;
import app.herald.system.HeraldConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Seeds the demo brand, one account per role, a Sandbox channel per platform and, while the brand has none yet,
 * governance rules, content in every stage from draft to scheduled and 90 days of metrics history; anything already
 * there is left as it is.
 */
@ApplicationScoped
public class DemoData {

    static final String BRAND = "Northwind Outdoor";
    static final String DRAFT_TITLE = "Autumn trail checklist";
    static final String SUBMITTED_TITLE = "New rain shell: stay dry all day";
    static final String SCHEDULED_TITLE = "Sunrise hike at Bear Ridge";

    private static final Map<String, Set<Role>> ACCOUNTS = Map.of(
            "admin", EnumSet.of(Role.ADMIN),
            "marketer", EnumSet.of(Role.MARKETER),
            "reviewer", EnumSet.of(Role.REVIEWER),
            "manager", EnumSet.of(Role.MANAGER));

    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    HeraldConfig config;

    @Inject
    UserService users;

    @Inject
    RuleService rules;

    @Inject
    ContentService contents;

    @Inject
    ContentCompliance compliance;

    @Inject
    ReviewService reviews;

    @Inject
    SchedulingService scheduling;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    DemoMetricsHistory history;

    /** Runs after Flyway and before {@code InitialAdmin}, so the demo's own admin account is the first user. */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        if (config.demo()) {
            seed();
            LOG.info("Demo mode: demo brand with rules, content and a schedule, and accounts admin, marketer, reviewer,"
                    + " manager are present (password herald-demo). Do not use demo mode in production.");
        }
    }

    public void seed() {
        long brandId = QuarkusTransaction.requiringNew().call(this::seedBrandAccountsAndChannels);
        if (QuarkusTransaction.requiringNew().call(() -> GovernanceRule.count("brand.id", brandId) == 0)) {
            as("admin", () -> seedRules(brandId));
        }
        if (QuarkusTransaction.requiringNew().call(() -> ContentItem.count("brand.id", brandId) == 0)) {
            seedContent(brandId);
        }
        if (config.metrics().demoHistory()) {
            history.seed(brandId, Instant.now());
        }
    }

    private long seedBrandAccountsAndChannels() {
        Brand brand = Brand.findByName(BRAND).orElseGet(() -> {
            Brand created = new Brand();
            created.name = BRAND;
            created.voice = "Friendly, practical, outdoorsy. Short sentences; no hype.";
            created.timezone = "America/New_York";
            created.defaultDisclaimer = "Always follow local trail rules.";
            created.defaultHashtags = "#northwind #outdoors";
            created.createdAt = Instant.now();
            created.persist();
            return created;
        });
        ACCOUNTS.forEach((username, roles) -> {
            AppUser user = AppUser.findByUsername(username).orElseGet(() -> {
                String displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " (demo)";
                return users.create(username, displayName, LoginResource.DEMO_PASSWORD, roles);
            });
            brand.members.add(user);
        });
        for (Platform platform : Platform.values()) {
            String name = "Northwind " + platform.label();
            if (Channel.count("brand = ?1 and platform = ?2 and displayName = ?3", brand, platform, name) == 0) {
                Channel channel = new Channel();
                channel.brand = brand;
                channel.platform = platform;
                channel.sandbox = true;
                channel.displayName = name;
                channel.timezone = brand.timezone;
                channel.dailyCap = PlatformSpecs.of(platform).postsPer24h();
                channel.minGapMinutes = (int) PlatformSpecs.of(platform).evenSpacing().toMinutes();
                channel.createdAt = Instant.now();
                channel.persist();
            }
        }
        return brand.id;
    }

    private List<RuleChange> seedRules(long brandId) {
        List<RuleDraft> drafts = List.of(
                new RuleDraft("Health and performance claims", Severity.WARN, Set.of(), Set.of(),
                        "Claims like these need proof on file; the reviewer confirms there is some.",
                        new RuleSpec.ClaimWord(List.of("guaranteed", "cure", "risk-free"))),
                new RuleDraft("Get-rich wording", Severity.BLOCK, Set.of(), Set.of(),
                        "Money promises break every platform's ad policy.",
                        new RuleSpec.BannedTerm(List.of("free money", "get rich quick"), List.of())),
                new RuleDraft("Sponsored posts say #ad", Severity.WARN, Set.of(), Set.of(),
                        "Paid partnerships must be disclosed where viewers see them.",
                        new RuleSpec.RequiredDisclaimer("#ad", List.of("sponsored", "partner"))));
        return drafts.stream().map(draft -> QuarkusTransaction.requiringNew()
                .call(() -> rules.create(Brand.findById(brandId), draft))).toList();
    }

    /** One item per stage a demo user meets first: a draft, one waiting for review, one approved and on the calendar. */
    private void seedContent(long brandId) {
        Instant now = Instant.now();
        ZoneId zone = QuarkusTransaction.requiringNew().call(() -> ZoneId.of(Brand.<Brand>findById(brandId).timezone));
        String inTwoDays = FORM_TIME.format(now.plus(Duration.ofDays(2)).atZone(zone).withHour(10).withMinute(0));
        long toSchedule = as("marketer", () -> {
            contents.createDraft(form(brandId, DRAFT_TITLE, "Five things we pack before every autumn hike.", ""));
            contents.submit(contents.createDraft(form(brandId, SUBMITTED_TITLE,
                    "Our new rain shell keeps you dry, guaranteed, from trailhead to summit.", inTwoDays)).id);
            return contents.submit(contents.createDraft(form(brandId, SCHEDULED_TITLE,
                    "Meet us at Bear Ridge for a sunrise hike; bring a headlamp and warm layers.", "")).id).id;
        });
        as("reviewer", () -> QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = contents.find(toSchedule);
            Set<String> warnings = compliance.check(item).warnings().stream().map(ComplianceReport::key)
                    .collect(Collectors.toSet());
            return reviews.approve(item.id, item.currentRevision().orElseThrow().sha256, warnings,
                    "Looks good for the demo.");
        }));
        as("marketer", () -> QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = contents.find(toSchedule);
            // Proposing from three days ahead puts the posts a few days out, where the calendar opens.
            List<SchedulingService.Choice> choices = scheduling.propose(item, now.plus(Duration.ofDays(3))).stream()
                    .filter(proposal -> proposal.channel().sandbox && proposal.conflicts().isEmpty())
                    .map(proposal -> new SchedulingService.Choice(proposal.channel().id, proposal.at().toLocalDateTime(), proposal.source(),
                            proposal.note()))
                    .toList();
            // Sandbox channels paused or full in an existing database would make the booking fail start-up;
            // the item then simply stays approved.
            return choices.isEmpty() ? List.of() : scheduling.schedule(item.id, choices, now);
        }));
    }

    private static ContentForm form(long brandId, String title, String coreMessage, String plannedPublishAt) {
        return new ContentForm(brandId, title, coreMessage, "", "", "Weekend hikers", "Outdoor gear", "",
                SequencingStrategy.BALANCED, EnumSet.allOf(Platform.class), plannedPublishAt,
                new EnumMap<>(Platform.class), new EnumMap<>(Platform.class));
    }

    /**
     * Runs {@code steps} in a request context of their own signed in as {@code username}: the services read the
     * acting user from the request's identity, and at start-up there is no request. A context already active on
     * this thread is set aside and restored, so the demo identity never leaks into it.
     */
    private <T> T as(String username, Supplier<T> steps) {
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState outer = requestContext.isActive() ? requestContext.getState() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username))
                    .addRoles(ACCOUNTS.get(username).stream().map(Role::name).collect(Collectors.toSet())).build());
            return steps.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }
}
