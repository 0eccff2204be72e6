package app.herald.web;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.herald.account.AccountsFixture;
import app.herald.channel.Channel;
import app.herald.channel.ChannelRef;
import app.herald.channel.ConnectionFixture;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.sandbox.SandboxConnector;
import io.quarkus.arc.Arc;
import app.herald.account.AppUser;
import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.calendar.BlackoutDate;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentFixture;
import app.herald.content.media.MediaFixture;
import app.herald.experiment.ExperimentFixture;
import app.herald.content.media.TestVideos;
import app.herald.governance.GovernanceFixture;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static app.herald.web.CrossBrandRoutesTest.Ref.APPROVED;
import static app.herald.web.CrossBrandRoutesTest.Ref.ARM;
import static app.herald.web.CrossBrandRoutesTest.Ref.BLACKOUT;
import static app.herald.web.CrossBrandRoutesTest.Ref.BRAND;
import static app.herald.web.CrossBrandRoutesTest.Ref.CHANNEL;
import static app.herald.web.CrossBrandRoutesTest.Ref.CONNECTION;
import static app.herald.web.CrossBrandRoutesTest.Ref.PLATFORM;
import static app.herald.web.CrossBrandRoutesTest.Ref.DRAFT;
import static app.herald.web.CrossBrandRoutesTest.Ref.EXPERIMENT;
import static app.herald.web.CrossBrandRoutesTest.Ref.INACTIVE_RULE;
import static app.herald.web.CrossBrandRoutesTest.Ref.MEMBER;
import static app.herald.web.CrossBrandRoutesTest.Ref.OWN_DRAFT;
import static app.herald.web.CrossBrandRoutesTest.Ref.PUBLICATION;
import static app.herald.web.CrossBrandRoutesTest.Ref.RENDITION;
import static app.herald.web.CrossBrandRoutesTest.Ref.RULE;
import static app.herald.web.CrossBrandRoutesTest.Ref.SANDBOX_VIDEO;
import static app.herald.web.CrossBrandRoutesTest.Ref.SUBMITTED;
import static app.herald.web.CrossBrandRoutesTest.Ref.SUBMITTED_HASH;
import static app.herald.web.CrossBrandRoutesTest.Ref.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes an id, opened and posted by a signed-in user of another brand who holds every role but
 * ADMIN (so {@code @RolesAllowed} lets them through and only the brand check can stop them), with a valid CSRF
 * token: each answers 404, shows nothing of the other brand and changes none of its rows nor the audit log.
 * A new route is one line in {@link #routes()}; {@link #everyRouteThatTakesAnIdIsInTheTable()} fails until it is.
 */
@QuarkusTest
class CrossBrandRoutesTest {

    /** What an id or field of a route refers to: the other brand's rows, or (for mixed ids) the intruder's own draft. */
    enum Ref {
        BRAND, DRAFT, VIDEO, RENDITION, SUBMITTED, SUBMITTED_HASH, APPROVED, PUBLICATION, CHANNEL, RULE, INACTIVE_RULE, BLACKOUT,
        MEMBER, OWN_DRAFT, SANDBOX_VIDEO, PLATFORM, CONNECTION, EXPERIMENT, ARM
    }

    private static final String LATER = LocalDateTime.now().plusDays(30).withHour(10).truncatedTo(ChronoUnit.HOURS)
            .toString();

    private static final Map<String, Object> CONTENT_FIELDS = Map.of("brandId", BRAND, "title", "Taken over",
            "description", "Written from another brand.", "platforms", List.of("TIKTOK"), "action", "draft");

    /** The route table: every id-taking route of every resource, plus the routes that take a brand id as a field. */
    static List<Route> routes() {
        return List.of(
                get("/content/{id}", DRAFT),
                get("/content/{id}/edit", DRAFT),
                post("/content/{id}", DRAFT).form(CONTENT_FIELDS),
                post("/content/{id}/submit", DRAFT),
                post("/content/{id}/comments", SUBMITTED).form(Map.of("body", "Seen from another brand")),
                get("/content/new").query(Map.of("brand", BRAND)),
                post("/content").form(CONTENT_FIELDS),
                post("/content/checks").form(CONTENT_FIELDS),

                post("/content/{id}/media", DRAFT).upload(),
                post("/content/{id}/media/renditions", DRAFT).form(Map.of("fit", "PAD", "thumbnailSecond", "1")),
                post("/content/{id}/media/renditions/{rendition}/use", DRAFT, RENDITION),
                post("/content/{id}/media/renditions/{rendition}/use", OWN_DRAFT, RENDITION),
                get("/content/{id}/media/renditions/{rendition}/thumbnail", DRAFT, RENDITION),
                get("/content/{id}/media/renditions/{rendition}/thumbnail", OWN_DRAFT, RENDITION),
                get("/content/{id}/media/files/{file}", DRAFT, VIDEO),
                get("/content/{id}/media/files/{file}", OWN_DRAFT, VIDEO),
                get("/content/{id}/media/remove", DRAFT),
                post("/content/{id}/media/remove", DRAFT),

                get("/review/{id}", SUBMITTED),
                post("/review/{id}/approve", SUBMITTED).form(Map.of("revisionHash", SUBMITTED_HASH, "note", "Fine")),
                post("/review/{id}/request-changes", SUBMITTED).form(Map.of("comment", "Change it")),
                post("/review/{id}/reject", SUBMITTED).form(Map.of("comment", "No")),

                get("/calendar/schedule/{contentId}", APPROVED),
                post("/calendar/schedule/{contentId}", APPROVED)
                        .form(Map.of("channelId", CHANNEL, "at", LATER, "include", CHANNEL)),
                get("/calendar/publications/{id}", PUBLICATION),
                post("/calendar/publications/{id}/reschedule", PUBLICATION).form(Map.of("at", LATER)),
                post("/calendar/publications/{id}/retry", PUBLICATION),
                post("/calendar/publications/{id}/cancel", PUBLICATION).form(Map.of("confirm", "true")),
                post("/calendar/publications/{id}/mark-published", PUBLICATION)
                        .form(Map.of("videoId", "taken-over", "confirm", "true")),
                post("/calendar/blackouts/{id}/delete", BLACKOUT),
                post("/calendar/blackouts").form(Map.of("brandId", BRAND, "day", "2027-02-02")),

                get("/experiments/{id}", EXPERIMENT),
                post("/experiments/{id}/posts", EXPERIMENT).form(Map.of("armId", ARM, "publicationId", PUBLICATION)),
                get("/experiments/{id}/prepare", EXPERIMENT),
                post("/experiments/{id}/prepare", EXPERIMENT),
                post("/experiments/{id}/arms/{armId}/book", EXPERIMENT, ARM),
                get("/experiments/{id}/stop", EXPERIMENT),
                post("/experiments/{id}/stop", EXPERIMENT),
                get("/experiments/{id}/delete", EXPERIMENT),
                post("/experiments/{id}/delete", EXPERIMENT),
                get("/experiments/new").query(Map.of("content", APPROVED)),
                post("/experiments").form(Map.of("contentId", APPROVED, "name", "Taken over", "platform", "TIKTOK",
                        "field", "HOOK", "metric", "VIEWS", "minPerArm", "2", "arm", List.of("One", "Two"))),

                get("/channels/{id}", CHANNEL),
                get("/sandbox/videos/{videoId}", SANDBOX_VIDEO),
                post("/channels/{id}/sandbox", CHANNEL).form(Map.of("failureMode", "REVOKED_TOKEN", "failureMinutes", "5"))
                        .adminOnly(),
                post("/channels/{id}", CHANNEL).form(Map.of("brandId", BRAND, "platform", "TIKTOK",
                        "displayName", "Taken over", "timezone", "UTC", "status", "PAUSED")).adminOnly(),
                post("/channels").form(Map.of("brandId", BRAND, "platform", "TIKTOK", "displayName", "Taken over",
                        "timezone", "UTC", "status", "ACTIVE")).adminOnly(),
                get("/channels/connect/{platform}", PLATFORM).query(Map.of("brand", BRAND)).adminOnly().redirects(),
                get("/channels/oauth/{platform}/callback", PLATFORM).query(Map.of("state", "taken-over", "code", "x"))
                        .adminOnly().redirects(),
                get("/channels/oauth/facebook/pages/{connection}", CONNECTION).adminOnly(),
                post("/channels/oauth/facebook/pages/{connection}", CONNECTION).form(Map.of("pageId", "victim-page"))
                        .adminOnly(),
                get("/channels/{id}/disconnect", CHANNEL).adminOnly(),
                post("/channels/{id}/disconnect", CHANNEL).form(Map.of("confirm", "true")).adminOnly(),

                get("/governance/rules/{id}", RULE),
                get("/governance/rules/{id}/edit", RULE),
                post("/governance/rules/{id}/edit", RULE).form(Map.of("name", "Taken over", "severity", "WARN",
                        "terms", "other", "baseVersion", 1)),
                get("/governance/rules/{id}/deactivate", RULE),
                post("/governance/rules/{id}/deactivate", RULE).form(Map.of("reason", "Taken over")),
                post("/governance/rules/{id}/reactivate", INACTIVE_RULE),
                get("/governance/rules").query(Map.of("brand", BRAND)),
                get("/governance/rules/new").query(Map.of("brand", BRAND, "kind", "BANNED_TERM")),
                post("/governance/rules").form(Map.of("brand", BRAND, "kind", "BANNED_TERM", "severity", "BLOCK",
                        "platformScope", "ALL", "fieldScope", "ALL", "name", "Taken over", "terms", "other")),
                get("/governance/tester").query(Map.of("brand", BRAND)),
                post("/governance/tester").form(Map.of("brand", BRAND, "platforms", List.of("TIKTOK"),
                        "title", "forbidden", "description", "")),

                get("/analytics").query(Map.of("brand", BRAND)),
                get("/analytics/data/kpis").query(Map.of("brand", BRAND)),
                get("/analytics/data/trend").query(Map.of("brand", BRAND)),
                get("/analytics/data/top").query(Map.of("brand", BRAND)),
                get("/analytics/data/compare").query(Map.of("brand", BRAND)),
                get("/analytics/data/strategies").query(Map.of("brand", BRAND)),
                get("/analytics/data/heatmap").query(Map.of("brand", BRAND)),
                get("/analytics/export.csv").query(Map.of("brand", BRAND, "report", "top")),
                get("/analytics/report").query(Map.of("brand", BRAND)),
                get("/analytics/report.pdf").query(Map.of("brand", BRAND)),

                get("/brands/{id}", BRAND).adminOnly(),
                post("/brands/{id}", BRAND).form(Map.of("name", "Taken over", "timezone", "UTC")).adminOnly(),
                post("/brands/{id}/members", BRAND).form(Map.of("members", List.of(MEMBER))).adminOnly(),
                get("/admin/users/{id}", MEMBER).adminOnly(),
                post("/admin/users/{id}/roles", MEMBER).form(Map.of("roles", List.of("ADMIN"))).adminOnly(),
                get("/admin/users/{id}/deactivate", MEMBER).adminOnly(),
                post("/admin/users/{id}/deactivate", MEMBER).adminOnly(),
                post("/admin/users/{id}/reactivate", MEMBER).adminOnly());
    }

    /**
     * Everything of a brand a forged request could change, one query per table (with {@code :brand}), plus rows that
     * belong to no brand. A new table of brand data is one more line here.
     */
    private static final List<String> STATE = List.of(
            "select * from brand where id = :brand",
            "select * from brand_member where brand_id = :brand",
            "select * from app_user where id in (select user_id from brand_member where brand_id = :brand)",
            "select * from content_item where brand_id = :brand",
            "select * from content_variant where content_id in (select id from content_item where brand_id = :brand)",
            "select * from content_revision where content_id in (select id from content_item where brand_id = :brand)",
            "select * from content_comment where content_id in (select id from content_item where brand_id = :brand)",
            "select * from content_approval where content_id in (select id from content_item where brand_id = :brand)",
            "select * from media_rendition where content_id in (select id from content_item where brand_id = :brand)",
            "select * from governance_rule where brand_id = :brand",
            "select * from governance_rule_version where rule_id in (select id from governance_rule where brand_id = :brand)",
            "select * from channel where brand_id = :brand",
            "select * from publication where channel_id in (select id from channel where brand_id = :brand)",
            "select * from brand_blackout where brand_id = :brand",
            "select * from channel_connection where brand_id = :brand",
            "select * from experiment where brand_id = :brand",
            "select * from experiment_arm where experiment_id in (select id from experiment where brand_id = :brand)",
            "select * from experiment_slot where arm_id in (select a.id from experiment_arm a join experiment e"
                    + " on e.id = a.experiment_id where e.brand_id = :brand)",
            "select * from experiment_post where experiment_id in (select id from experiment where brand_id = :brand)",
            "select count(*) from media_file",
            // Scheduled jobs write as "system"; every row a request writes names its user.
            "select count(*) from audit_entry where actor <> 'system'");

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aUserOfAnotherBrandGets404AndChangesNothing(Route route) {
        Victim victim = victim();
        String before = state(victim);

        Response response = route.send(victim.intruder().session(), victim);

        assertThat(response.statusCode()).as(route.toString()).isEqualTo(route.expected());
        String body = response.body().asString();
        assertThat(victim.secrets()).as("what the answer shows").allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        assertThat(state(victim)).as("rows after " + route).isEqualTo(before);
        if (route.method().equals(HttpMethod.GET) && !route.ids().contains(OWN_DRAFT)) {
            WebSession control = route.expected() == 403 ? victim.admin() : victim.insider().session();
            assertThat(route.send(control, victim).statusCode()).as("the same route for a user who may see the brand")
                    .isEqualTo(route.control());
        }
    }

    @Test
    void everyRouteThatTakesAnIdIsInTheTable() throws IOException {
        Set<String> app = routesOfTheResources();
        Set<String> table = routes().stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(app).as("routes found by scanning the resources").contains("GET /content/{id}",
                "POST /calendar/blackouts/{id}/delete", "POST /content/{id}/media");
        assertThat(table.stream().filter(route -> !app.contains(route)))
                .as("rows of routes() that name no route of the app").isEmpty();
        assertThat(app.stream().filter(route -> route.contains("{") && !table.contains(route)))
                .as("routes that take an id but have no row in routes(); add one").isEmpty();
    }

    /** "METHOD /template" of every resource method of the app, read from its {@code @Path} annotations. */
    private static Set<String> routesOfTheResources() throws IOException {
        Path classes = Path.of("target", "classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("app/herald"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, CrossBrandRoutesTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("Compiled class not loadable: " + name, e);
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        String template = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                        routes.add(verb + " " + (template.length() > 1 ? template.replaceAll("/$", "") : template));
                    }
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The brand's rows (and the intruder's own brand's) as text, to compare before and after a request. */
    private static String state(Victim victim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> lines = new ArrayList<>();
            for (long brand : List.of(victim.brandId(), victim.ownBrandId())) {
                for (String sql : STATE) {
                    var query = Brand.getEntityManager().createNativeQuery(sql);
                    if (sql.contains(":brand")) {
                        query.setParameter("brand", brand);
                    }
                    List<?> rows = query.getResultList();
                    lines.add(sql + " → " + rows.stream().map(row -> row instanceof Object[] cells ? Arrays.toString(cells)
                            : String.valueOf(row)).sorted().toList());
                }
            }
            return String.join("\n", lines);
        });
    }

    /** The other brand's data, a member who may see it, and the intruder with a draft in a brand of their own. */
    record Victim(long brandId, long ownBrandId, Map<Ref, String> ids, Member insider, Member intruder,
            List<String> secrets, WebSession admin) {
    }

    private static Victim victim;

    private static synchronized Victim victim() {
        if (victim == null) {
            victim = createVictim();
        }
        return victim;
    }

    private static Victim createVictim() {
        Set<Role> allButAdmin = EnumSet.of(Role.MARKETER, Role.REVIEWER, Role.MANAGER);
        long brand = CalendarFixture.brand("Europe/Berlin");
        Map<Ref, String> ids = new EnumMap<>(Ref.class);
        ids.put(BRAND, String.valueOf(brand));

        Member author = CalendarFixture.member(brand, Role.MARKETER);
        ids.put(MEMBER, String.valueOf(AccountsFixture.idOf(author.username())));
        String draftTitle = CalendarFixture.unique("Victim draft");
        long draft = ContentFixture.create(author.session(), draftTitle, "draft", Map.of("brandId", brand));
        assertThat(MediaFixture.upload(author.session(), draft, TestVideos.vertical(), "victim.mp4").statusCode())
                .isEqualTo(303);
        ids.put(DRAFT, String.valueOf(draft));
        ids.put(VIDEO, String.valueOf(MediaFixture.media(draft).id));
        ids.put(RENDITION, String.valueOf(MediaFixture.readyRendition(draft)));
        String submittedTitle = CalendarFixture.unique("Victim submitted");
        long submitted = ContentFixture.create(author.session(), submittedTitle, "submit", Map.of("brandId", brand));
        ids.put(SUBMITTED, String.valueOf(submitted));
        ids.put(SUBMITTED_HASH, ContentFixture.revisions(submitted).get(0).sha256);

        String approvedTitle = CalendarFixture.unique("Victim approved");
        ids.put(APPROVED, String.valueOf(CalendarFixture.approvedContent(brand, approvedTitle)));
        String scheduledTitle = CalendarFixture.unique("Victim scheduled");
        long scheduled = CalendarFixture.approvedContent(brand, scheduledTitle);
        long channel = CalendarFixture.channel(brand, Platform.TIKTOK, "Europe/Berlin", 15, 0, ChannelStatus.ACTIVE);
        ids.put(CHANNEL, String.valueOf(channel));
        ids.put(PLATFORM, "youtube");
        ids.put(CONNECTION, String.valueOf(ConnectionFixture.pendingPages(brand, "admin",
                List.of(ConnectionFixture.page("victim-page", "Victim Page", "victim-page-token")))));
        ids.put(SANDBOX_VIDEO, sandboxVideo(channel));
        ids.put(PUBLICATION, String.valueOf(CalendarFixture.publication(scheduled, channel,
                Instant.now().plus(Duration.ofDays(20)), PublicationStatus.SCHEDULED)));

        Member reviewer = CalendarFixture.member(brand, Role.REVIEWER);
        String ruleName = GovernanceFixture.unique("Victim rule");
        ids.put(RULE, String.valueOf(GovernanceFixture.create(reviewer.session(), brand, "BANNED_TERM",
                Map.of("name", ruleName, "terms", "forbidden"))));
        long inactive = GovernanceFixture.create(reviewer.session(), brand, "BANNED_TERM",
                Map.of("name", GovernanceFixture.unique("Victim inactive rule"), "terms", "retired"));
        assertThat(reviewer.session().submit("/", "/governance/rules/" + inactive + "/deactivate", Map.of()).statusCode())
                .isEqualTo(303);
        ids.put(INACTIVE_RULE, String.valueOf(inactive));

        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        assertThat(manager.session().submit("/", "/calendar/blackouts", Map.of("brandId", brand, "day", "2027-03-01"))
                .statusCode()).isEqualTo(303);
        ids.put(BLACKOUT, String.valueOf(QuarkusTransaction.requiringNew()
                .call(() -> BlackoutDate.<BlackoutDate>find("brand.id", brand).firstResult().id)));
        String experimentName = CalendarFixture.unique("Victim experiment");
        Map<String, Object> experimentFields = ExperimentFixture.fields(Long.parseLong(ids.get(APPROVED)));
        experimentFields.put("name", experimentName);
        long experiment = ExperimentFixture.create(manager, experimentFields);
        ids.put(EXPERIMENT, String.valueOf(experiment));
        ids.put(ARM, String.valueOf(ExperimentFixture.count(
                "select id from experiment_arm where experiment_id = ?1 and label = 'A'", experiment)));

        long ownBrand = CalendarFixture.brand("Europe/Berlin");
        Member intruder = CalendarFixture.member(ownBrand, allButAdmin);
        ids.put(OWN_DRAFT, String.valueOf(ContentFixture.create(intruder.session(), CalendarFixture.unique("Own draft"),
                "draft", Map.of("brandId", ownBrand))));

        String brandName = QuarkusTransaction.requiringNew().call(() -> Brand.<Brand>findById(brand).name);
        Member control = CalendarFixture.member(brand, allButAdmin);
        // One admin session for every admin-only route's control request: a sign-in per request would write its audit
        // row while a later route's rows are compared.
        long adminSignIns = adminSignIns();
        WebSession admin = DemoUsers.admin();
        // Sign-ins are recorded (last_login_at, audit row) just after the session starts; let them land first.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                AppUser.count("lastLoginAt is null and username in ?1", List.of(control.username(), intruder.username())))
                == 0 && adminSignIns() > adminSignIns);
        return new Victim(brand, ownBrand, ids, control, intruder,
                List.of(brandName, draftTitle, submittedTitle, approvedTitle, scheduledTitle, ruleName, "victim.mp4",
                        experimentName), admin);
    }

    private static long adminSignIns() {
        return QuarkusTransaction.requiringNew().call(() -> app.herald.audit.AuditEntry.count("actor = ?1 and action = ?2",
                "admin", app.herald.audit.AuditAction.SIGN_IN_SUCCEEDED));
    }

    private static Route get(String template, Ref... ids) {
        return new Route(HttpMethod.GET, template, List.of(ids), Map.of(), Map.of(), false, 404, 200);
    }

    private static Route post(String template, Ref... ids) {
        return new Route(HttpMethod.POST, template, List.of(ids), Map.of(), Map.of(), false, 404, 200);
    }

    /**
     * One row of the table: the route as its {@code @Path} spells it, what fills its ids (in order), query and form
     * fields (a {@link Ref} value, alone or in a list, is replaced by the id it names) and the expected status:
     * 404, or 403 where only admins may use the route at all (admins see every brand, so no brand check applies);
     * {@code control} is what a user who may see the brand gets for a GET.
     */
    record Route(String method, String template, List<Ref> ids, Map<String, Object> query, Map<String, Object> fields,
            boolean multipart, int expected, int control) {

        private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

        Route query(Map<String, Object> values) {
            return new Route(method, template, ids, values, fields, multipart, expected, control);
        }

        Route form(Map<String, Object> values) {
            return new Route(method, template, ids, query, values, multipart, expected, control);
        }

        /** Posts the other brand's kind of upload: a real video that every platform accepts. */
        Route upload() {
            return new Route(method, template, ids, query, fields, true, expected, control);
        }

        Route adminOnly() {
            return new Route(method, template, ids, query, fields, multipart, 403, control);
        }

        /** A route that answers with a redirect (e.g. to the platform's consent page) where it is allowed. */
        Route redirects() {
            return new Route(method, template, ids, query, fields, multipart, expected, 303);
        }

        String key() {
            return method + " " + template;
        }

        Response send(WebSession session, Victim victim) {
            Matcher parameter = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            int index = 0;
            while (parameter.find()) {
                parameter.appendReplacement(path, victim.ids().get(ids.get(index++)));
            }
            parameter.appendTail(path);
            if (!query.isEmpty()) {
                path.append('?').append(resolve(query, victim).entrySet().stream().map(entry -> entry.getKey() + "="
                        + URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
            }
            if (method.equals(HttpMethod.GET)) {
                return session.get(path.toString());
            }
            if (multipart) {
                return MediaFixture.upload(session, Long.parseLong(victim.ids().get(ids.get(0))), TestVideos.vertical(),
                        "taken-over.mp4");
            }
            return session.submit("/", path.toString(), resolve(fields, victim));
        }

        private static Map<String, Object> resolve(Map<String, Object> values, Victim victim) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            values.forEach((name, value) -> resolved.put(name, value instanceof List<?> list
                    ? list.stream().map(item -> resolve(item, victim)).toList() : resolve(value, victim)));
            return resolved;
        }

        private static Object resolve(Object value, Victim victim) {
            return value instanceof Ref ref ? victim.ids().get(ref) : value;
        }

        @Override
        public String toString() {
            String mixed = ids.contains(OWN_DRAFT) ? " (own content, other brand's rendition)" : "";
            return key() + (query.isEmpty() ? "" : "?" + String.join("&", query.keySet())) + mixed + " → " + expected;
        }
    }

    /** A video published to the victim's Sandbox channel, straight through the Sandbox connector. */
    private static String sandboxVideo(long channelId) {
        try {
            SandboxConnector sandbox = Arc.container().instance(SandboxConnector.class).get();
            ChannelRef channel = QuarkusTransaction.requiringNew().call(() -> ChannelRef.of(Channel.findById(channelId)));
            byte[] bytes = "victim video".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            PublishRequest request = new PublishRequest(0, channel, null, bytes.length, "video/mp4", "Victim", "",
                    "victim-" + java.util.UUID.randomUUID());
            PlatformHandle handle = sandbox.send(request, sandbox.start(request), bytes);
            return sandbox.finish(request, handle).videoId();
        } catch (ConnectorFailure e) {
            throw new IllegalStateException(e);
        }
    }
}
