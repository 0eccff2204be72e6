package app.herald.experiment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.herald.account.Role;
import app.herald.brand.Brand;
import app.herald.calendar.CalendarFixture;
import app.herald.calendar.CalendarFixture.Member;
import app.herald.calendar.PublicationStatus;
import app.herald.channel.ChannelStatus;
import app.herald.dispatch.DispatchFixture;
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

    /**
     * The form's fields for thumbnail arms of {@code content}, which gets a 12 s video first: cover frames at 1.5 s and
     * 3 s, 2 posts per arm.
     */
    public static Map<String, Object> thumbnailFields(long content) {
        DispatchFixture.attachVideo(content, 1_000);
        Map<String, Object> fields = fields(content);
        fields.put("field", "THUMBNAIL");
        fields.put("minPerArm", "2");
        fields.put("arm", List.of("1.5", "3", "", ""));
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
     * A TikTok post published eight days ago on {@code channel}, counted for arm {@code label}, its metrics as the
     * importer stores them: the latest values in publication_metrics and the same values in its day rollup on the day
     * it was seven days old. {@code metrics} names columns of publication_metrics (views, likes, average_percent_viewed, …).
     */
    public static long post(long experiment, String label, long channel, Map<String, Number> metrics) {
        return post(experiment, label, channel, Instant.now().minus(Duration.ofDays(8)), metrics, Map.of(7, metrics));
    }

    /**
     * A TikTok post published at {@code at}, counted for arm {@code label}: {@code latest} as its latest metrics and,
     * per day after publication (0 = the day it was published, UTC), the cumulative values of that day's rollup row.
     */
    public static long post(long experiment, String label, long channel, Instant at, Map<String, Number> latest,
            Map<Integer, Map<String, Number>> days) {
        long brand = QuarkusTransaction.requiringNew().call(() -> Experiment.<Experiment>findById(experiment).brand.id);
        long content = CalendarFixture.approvedContent(brand, CalendarFixture.unique("Arm post"));
        long publication = CalendarFixture.publication(content, channel, at, PublicationStatus.PUBLISHED);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Brand.getEntityManager();
            insert("publication_metrics", "publication_id, content_id, brand_id, channel_id, platform, published_at",
                    List.of(publication, content, brand, channel, "TIKTOK", at), latest);
            days.forEach((day, values) -> {
                Map<String, Number> row = new HashMap<>(values);
                Number percent = row.remove("average_percent_viewed");
                if (percent != null) {
                    row.put("percent_viewed_views", row.get("views").doubleValue() * percent.doubleValue() / 100);
                    row.put("views_with_percent", row.get("views"));
                }
                insert("publication_metric_day", "publication_id, day, measured_at",
                        List.of(publication, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(day), at.plus(Duration.ofDays(day))),
                        row);
            });
            em.createNativeQuery("insert into experiment_post (experiment_id, arm_id, publication_id, linked_by, linked_at)"
                    + " select ?1, id, ?2, 'fixture', ?3 from experiment_arm where experiment_id = ?1 and label = ?4")
                    .setParameter(1, experiment).setParameter(2, publication).setParameter(3, Instant.now())
                    .setParameter(4, label).executeUpdate();
        });
        return publication;
    }

    private static void insert(String table, String keyColumns, List<Object> keys, Map<String, Number> metrics) {
        StringBuilder columns = new StringBuilder(keyColumns);
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= keys.size() + metrics.size(); i++) {
            values.append(i == 1 ? "?" : ", ?").append(i);
        }
        metrics.keySet().forEach(column -> columns.append(", ").append(column));
        var insert = Brand.getEntityManager().createNativeQuery("insert into " + table + " (" + columns + ") values ("
                + values + ")");
        int index = 1;
        for (Object key : keys) {
            insert.setParameter(index++, key);
        }
        for (Number value : metrics.values()) {
            insert.setParameter(index++, value);
        }
        insert.executeUpdate();
    }

    /** Prepares the arm posts of {@code experiment} through its page, as its manager. */
    public static Response prepare(Member manager, long experiment) {
        String page = "/experiments/" + experiment + "/prepare";
        return manager.session().submit(page, page, Map.of());
    }

    /** A reviewer of the brand approves the arm's content on its review page, as the revision it shows. */
    public static long approveArm(long experiment, String label) {
        long content = count("select content_id from experiment_arm where experiment_id = ?1 and label = ?2", experiment, label);
        long brand = count("select brand_id from experiment where id = ?1", experiment);
        var reviewer = CalendarFixture.member(brand, Role.REVIEWER).session();
        var page = reviewer.page("/review/" + content);
        Response approved = reviewer.submit("/review/" + content, "/review/" + content + "/approve",
                Map.of("revisionHash", page.select("input[name=revisionHash]").val()));
        org.assertj.core.api.Assertions.assertThat(approved.statusCode()).as("approval of arm " + label + ": "
                + approved.body().asString()).isEqualTo(303);
        return content;
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
