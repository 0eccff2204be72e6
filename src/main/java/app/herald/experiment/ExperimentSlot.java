package app.herald.experiment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.channel.Channel;
import app.herald.system.IdentifiedEntity;

/** A slot Herald proposed for one post of an arm, free under the calendar's rules when it was proposed. */
@Entity
@Table(name = "experiment_slot")
public class ExperimentSlot extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "arm_id")
    public ExperimentArm arm;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id")
    public Channel channel;

    @Column(name = "planned_at", nullable = false)
    public Instant plannedAt;

    public static List<ExperimentSlot> listFor(Experiment experiment) {
        return list("arm.experiment = ?1 order by plannedAt, arm.label", experiment);
    }
}
