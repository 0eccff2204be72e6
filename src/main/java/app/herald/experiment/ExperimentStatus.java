package app.herald.experiment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of an experiment; {@link #ALLOWED} is the one place that says which moves are legal. */
public enum ExperimentStatus {
    RUNNING("Running"),
    STOPPED("Stopped");

    private static final Map<ExperimentStatus, Set<ExperimentStatus>> ALLOWED = Map.of(
            RUNNING, EnumSet.of(STOPPED),
            STOPPED, EnumSet.noneOf(ExperimentStatus.class));

    private final String label;

    ExperimentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(ExperimentStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
