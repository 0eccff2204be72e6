package app.herald.insight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A brand's latest trained 7-day model (Tribuo, protobuf as Base64) for views and for engagement rate, with how each
 * did on the time-ordered holdout against the channel-median baseline; shared by every instance through the database.
 */
@Entity
@Table(name = "prediction_model")
public class PredictionModel extends PanacheEntityBase {

    @Id
    @Column(name = "brand_id")
    public Long brandId;

    @Column(name = "trained_at", nullable = false)
    public Instant trainedAt;

    @Column(name = "sample_size", nullable = false)
    public int sampleSize;

    @Column(name = "holdout_size", nullable = false)
    public int holdoutSize;

    /** Views are modelled as log(1 + views) minus this mean, so the model starts from the brand's typical post. */
    @Column(name = "views_mean_log", nullable = false)
    public double viewsMeanLog;

    /** Mean absolute error on the holdout, in views. */
    @Column(name = "views_model_error", nullable = false)
    public double viewsModelError;

    @Column(name = "views_baseline_error", nullable = false)
    public double viewsBaselineError;

    @Column(name = "views_uses_model", nullable = false)
    public boolean viewsUsesModel;

    /** 10th and 90th percentile of the holdout's log residuals: the 80% interval around a prediction. */
    @Column(name = "views_residual_low", nullable = false)
    public double viewsResidualLow;

    @Column(name = "views_residual_high", nullable = false)
    public double viewsResidualHigh;

    @Column(name = "views_model", nullable = false, columnDefinition = "LONGTEXT")
    public String viewsModel;

    /** Posts that had an engagement rate; the engagement model exists only when there were enough. */
    @Column(name = "engagement_size", nullable = false)
    public int engagementSize;

    /** The engagement model is centred like the views one, on this mean rate. */
    @Column(name = "engagement_mean")
    public Double engagementMean;

    @Column(name = "engagement_model_error")
    public Double engagementModelError;

    @Column(name = "engagement_baseline_error")
    public Double engagementBaselineError;

    @Column(name = "engagement_uses_model", nullable = false)
    public boolean engagementUsesModel;

    @Column(name = "engagement_residual_low")
    public Double engagementResidualLow;

    @Column(name = "engagement_residual_high")
    public Double engagementResidualHigh;

    @Column(name = "engagement_model", columnDefinition = "LONGTEXT")
    public String engagementModel;
}
