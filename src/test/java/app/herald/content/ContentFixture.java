package app.herald.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.herald.brand.Brand;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Creates content through the real pages and reads back what was stored. */
public final class ContentFixture {

    public static final String DEMO_BRAND = "Northwind Outdoor";

    private ContentFixture() {
    }

    private static Long fixtureBrandId;

    public static long demoBrandId() {
        return QuarkusTransaction.requiringNew().call(() -> Brand.findByName(DEMO_BRAND).orElseThrow().id);
    }

    /**
     * A brand of its own for content tests, with the demo brand's defaults and the demo users as members, so rules
     * other tests add to the demo brand cannot leak findings into these tests' content.
     */
    public static synchronized long brandId() {
        if (fixtureBrandId == null) {
            fixtureBrandId = QuarkusTransaction.requiringNew().call(() -> {
                Brand demo = Brand.findByName(DEMO_BRAND).orElseThrow();
                Brand brand = new Brand();
                brand.name = "Content fixture " + java.util.UUID.randomUUID().toString().substring(0, 8);
                brand.timezone = demo.timezone;
                brand.defaultDisclaimer = demo.defaultDisclaimer;
                brand.defaultHashtags = demo.defaultHashtags;
                brand.createdAt = java.time.Instant.now();
                brand.members.addAll(demo.members);
                brand.persist();
                return brand.id;
            });
        }
        return fixtureBrandId;
    }

    /** Posts the new-content form; {@code extra} overrides or adds fields. Returns the created item's id. */
    public static long create(WebSession author, String title, String action, Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("brandId", brandId());
        fields.put("title", title);
        fields.put("description", "Pack light and start early.");
        fields.put("hashtags", "#trail");
        fields.put("platforms", List.of("YOUTUBE_SHORTS", "TIKTOK", "FACEBOOK_REELS"));
        fields.put("action", action);
        fields.putAll(extra);
        Response response = author.submit("/content/new", "/content", fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("Creating content answered " + response.statusCode() + ": " + response.body().asString());
        }
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    public static long submitted(WebSession author, String title) {
        return create(author, title, "submit", Map.of());
    }

    public static ContentItem load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = ContentItem.findById(id);
            item.variants.size();
            return item;
        });
    }

    public static List<ContentRevision> revisions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ContentRevision.listFor(id));
    }

    /** Audit rows about this content item, oldest first, as "ACTION from→to". */
    public static List<String> auditTrail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> app.herald.audit.AuditEntry
                .<app.herald.audit.AuditEntry>list("subjectType = 'CONTENT' and subjectId = ?1 order by id", id).stream()
                .map(entry -> entry.action + (entry.toState == null ? "" : " " + entry.fromState + "→" + entry.toState))
                .toList());
    }
}
