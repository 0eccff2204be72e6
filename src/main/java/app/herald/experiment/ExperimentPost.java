package app.herald.experiment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.calendar.Publication;
import app.herald.system.IdentifiedEntity;

/** A publication that carried one arm; the arm's sample is its posts that have the primary metric. */
@Entity
@Table(name = "experiment_post")
public class ExperimentPost extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "experiment_id")
    public Experiment experiment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "arm_id")
    public ExperimentArm arm;

    @ManyToOne(optional = false)
    @JoinColumn(name = "publication_id")
    public Publication publication;

    @Column(name = "linked_by", nullable = false, length = 64)
    public String linkedBy;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    public static List<ExperimentPost> listFor(Experiment experiment) {
        return list("experiment = ?1 order by arm.label, publication.scheduledAt", experiment);
    }
}
