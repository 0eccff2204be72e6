package app.herald.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.platform.Platform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/**
 * Experiment test data: a fresh brand with TikTok channels, a manager and approved content; experiments created
 * through the form; published posts with their metrics written straight into {@code publication_metrics} (as the
 * importer would leave them) and counted for an arm.
 */
public final class ExperimentFixture {

    private ExperimentFixture() {
    }

    /** A brand, its channels (one per name), a signed-in manager of it and an approved item targeting every platform. */
    public record Setup(long brand, List<Long> channels, Member manager, long content) {
    }

    public static Setup setup(String... channelNames) {
        long brand = CalendarFixture.brand("UTC");
        List<Long> channels = java.util.Arrays.stream(channelNames)
                .map(name -> CalendarFixture.channel(brand, Platform.TIKTOK, name, "UTC", 15, 0, ChannelStatus.ACTIVE))
                .toList();
        Member manager = CalendarFixture.member(brand, Role.MANAGER);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Tested item"));
        return new Setup(brand, channels, manager, content);
    }

    /** The new-experiment form's fields for {@code content}, two hook arms, average % viewed, 5 posts per arm. */
    public static Map<String, Object> fields(long content) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("contentId", content);
        fields.put("name", CalendarFixture.unique("Hook test"));
        fields.put("platform", "TIKTOK");
        fields.put("field", "HOOK");
        fields.put("metric", "AVERAGE_PERCENT_VIEWED");
        fields.put("minPerArm", "5");
        fields.put("arm", List.of("Stop scrolling: this saves you an hour", "Nobody tells you this about mornings", "", ""));
        return fields;
    }

    public static Response submit(Member member, Map<String, Object> fields) {
        return member.session().submit("/experiments/new", "/experiments", fields);
    }

    /** Creates an experiment through the form and returns its id. */
    public static long create(Member member, Map<String, Object> fields) {
        Response response = submit(member, fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("Creating the experiment answered " + response.statusCode() + ": "
                    + response.body().asString());
        }
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * A TikTok post published a week ago on {@code channel}, its metrics as the importer stores them, counted for arm
     * {@code label}. {@code metrics} names columns of publication_metrics (views, likes, average_percent_viewed, …).
     */
    public static long post(long experiment, String label, long channel, Map<String, Number> metrics) {
        long brand = QuarkusTransaction.requiringNew().call(() -> Experiment.<Experiment>findById(experiment).brand.id);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Arm post"));
        Instant at = Instant.now().minus(Duration.ofDays(7));
        long publication = CalendarFixture.publication(content, channel, at, PublicationStatus.PUBLISHED);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Brand.getEntityManager();
            StringBuilder columns = new StringBuilder("publication_id, brand_id, channel_id, platform, published_at");
            StringBuilder values = new StringBuilder("?1, ?2, ?3, 'TIKTOK', ?4");
            int index = 5;
            for (String column : metrics.keySet()) {
                columns.append(", ").append(column);
                values.append(", ?").append(index++);
            }
            var insert = em.createNativeQuery("insert into publication_metrics (" + columns + ") values (" + values + ")")
                    .setParameter(1, publication).setParameter(2, brand).setParameter(3, channel).setParameter(4, at);
            index = 5;
            for (Number value : metrics.values()) {
                insert.setParameter(index++, value);
            }
            insert.executeUpdate();
            em.createNativeQuery("insert into experiment_post (experiment_id, arm_id, publication_id, linked_by, linked_at)"
                    + " select ?1, id, ?2, 'fixture', ?3 from experiment_arm where experiment_id = ?1 and label = ?4")
                    .setParameter(1, experiment).setParameter(2, publication).setParameter(3, Instant.now())
                    .setParameter(4, label).executeUpdate();
        });
        return publication;
    }

    /** A post whose average % viewed is {@code percent}. */
    public static long viewed(long experiment, String label, long channel, double percent) {
        return post(experiment, label, channel, Map.of("views", 1000, "average_percent_viewed", percent));
    }

    public static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Brand.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
