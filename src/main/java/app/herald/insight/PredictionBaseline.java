package app.herald.insight;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The naive baseline for one channel: the median and the 10th/90th percentiles of its posts' 7-day values. */
@Entity
@Table(name = "prediction_baseline")
@IdClass(PredictionBaseline.Key.class)
public class PredictionBaseline extends PanacheEntityBase {

    /** Composite key: one row per brand and channel. */
    public static class Key implements Serializable {
        public Long brandId;
        public Long channelId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(brandId, key.brandId) && Objects.equals(channelId, key.channelId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(brandId, channelId);
        }
    }

    @Id
    @Column(name = "brand_id")
    public Long brandId;

    @Id
    @Column(name = "channel_id")
    public Long channelId;

    @Column(nullable = false)
    public int posts;

    @Column(name = "views_low", nullable = false)
    public double viewsLow;

    @Column(name = "views_median", nullable = false)
    public double viewsMedian;

    @Column(name = "views_high", nullable = false)
    public double viewsHigh;

    @Column(name = "engagement_low")
    public Double engagementLow;

    @Column(name = "engagement_median")
    public Double engagementMedian;

    @Column(name = "engagement_high")
    public Double engagementHigh;
}
