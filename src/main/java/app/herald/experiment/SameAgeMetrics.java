package app.herald.experiment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;

/**
 * Reads posts' primary metric at one fixed age ({@code herald.experiments.measure-after}) from their day rollup
 * {@code publication_metric_day}: the row of the brand-zone day on which the post reached that age, or the last row
 * before it. So a post measured today and one measured a month after posting are never compared.
 */
@ApplicationScoped
class SameAgeMetrics {

    @Inject
    HeraldConfig config;

    /** A post's publication time and its value at the age; {@code value} is null while young or without data. */
    record Measured(Instant publishedAt, Instant measurableAt, Double value) {

        boolean old(Instant now) {
            return !measurableAt.isAfter(now);
        }
    }

    Duration age() {
        return config.experiments().measureAfter();
    }

    /** The posts of experiment {@code experimentId}, by publication id; posts never published are absent. */
    Map<Long, Measured> ofExperiment(ExperimentMetric metric, long experimentId, ZoneId zone, Instant now) {
        return measure(metric, "pm.publication_id in (select ep.publication_id from experiment_post ep"
                + " where ep.experiment_id = ?1)", experimentId, zone, now);
    }

    /** Every post of channel {@code channelId} that is old enough and has the metric at that age. */
    double[] ofChannel(ExperimentMetric metric, long channelId, ZoneId zone, Instant now) {
        return measure(metric, "pm.channel_id = ?1", channelId, zone, now).values().stream()
                .filter(measured -> measured.old(now) && measured.value() != null)
                .mapToDouble(Measured::value).toArray();
    }

    private Map<Long, Measured> measure(ExperimentMetric metric, String filter, long id, ZoneId zone, Instant now) {
        Duration age = age();
        // Days are the brand's calendar days; fetch a day more than the age can span and pick the exact day below.
        long spanDays = age.toDays() + 2;
        List<?> rows = Experiment.getEntityManager().createNativeQuery("select pm.publication_id, pm.published_at, d.day, "
                + metric.sql() + " from publication_metrics pm left join publication_metric_day d"
                + " on d.publication_id = pm.publication_id and d.day <= date_add(date(pm.published_at), interval ?2 day)"
                + " where " + filter + " order by pm.publication_id, d.day")
                .setParameter(1, id).setParameter(2, spanDays).getResultList();
        Map<Long, Measured> measured = new HashMap<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            long publication = ((Number) cells[0]).longValue();
            Instant publishedAt = instant(cells[1]);
            Instant measurableAt = publishedAt.plus(age);
            Measured so = measured.computeIfAbsent(publication, key -> new Measured(publishedAt, measurableAt, null));
            LocalDate ageDay = measurableAt.atZone(zone).toLocalDate();
            if (cells[2] != null && !day(cells[2]).isAfter(ageDay) && so.old(now)) {
                // Rows come in day order: the last one on or before the age day wins.
                measured.put(publication, new Measured(publishedAt, measurableAt,
                        cells[3] == null ? null : ((Number) cells[3]).doubleValue()));
            }
        }
        return measured;
    }

    private static Instant instant(Object cell) {
        // DATETIME columns hold UTC wall-clock values (quarkus.hibernate-orm.jdbc.timezone=UTC).
        LocalDateTime local = cell instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) cell;
        return local.toInstant(ZoneOffset.UTC);
    }

    private static LocalDate day(Object cell) {
        return cell instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) cell;
    }
}
