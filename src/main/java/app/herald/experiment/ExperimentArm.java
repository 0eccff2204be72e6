package app.herald.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.content.ContentItem;
import app.herald.system.IdentifiedEntity;

/**
 * One version of the tested text or cover frame ("A", "B", …); its posts are {@link ExperimentPost} rows. A thumbnail
 * arm's text is its cover frame's second, as typed back ("1.5").
 */
@Entity
@Table(name = "experiment_arm")
public class ExperimentArm extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "experiment_id")
    public Experiment experiment;

    @Column(nullable = false, length = 2)
    public String label;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String text;

    /** The content item that posts this arm's text (prepared by Herald, reviewed like any other); null until then. */
    @ManyToOne
    @JoinColumn(name = "content_id")
    public ContentItem content;

    /** The arm as the pages show it: its text, or "Cover frame at 1.5 s". */
    public String shown() {
        return experiment.field.shown(text);
    }
}
