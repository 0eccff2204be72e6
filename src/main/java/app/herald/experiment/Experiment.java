package app.herald.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.herald.brand.Brand;
import app.herald.brand.BrandScope;
import app.herald.content.ContentItem;
import app.herald.platform.Platform;
import app.herald.system.IdentifiedEntity;

/** An A/B test of one content item's text on one platform: its arms, primary metric and minimum posts per arm. */
@Entity
@Table(name = "experiment")
public class Experiment extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "brand_id")
    public Brand brand;

    @ManyToOne(optional = false)
    @JoinColumn(name = "content_id")
    public ContentItem content;

    @Column(nullable = false, length = 120)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ExperimentField field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ExperimentMetric metric;

    @Column(name = "min_per_arm", nullable = false)
    public int minPerArm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ExperimentStatus status = ExperimentStatus.RUNNING;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "stopped_by", length = 64)
    public String stoppedBy;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "experiment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("label")
    public List<ExperimentArm> arms = new ArrayList<>();

    /** The experiments of the brands in {@code scope}, newest first. */
    public static List<Experiment> listFor(BrandScope scope) {
        return list("from Experiment e where " + scope.condition("e.brand.id") + " order by e.createdAt desc, e.id desc",
                scope.parameters());
    }
}
