package app.herald.experiment;

import java.util.List;

/** The new-experiment form's values as typed, kept when it is refused. */
public record ExperimentForm(Long contentId, String name, String platform, String field, String metric,
        String minPerArm, List<String> arms) {

    /** At most this many arm inputs are shown; more arms dilute each one's sample. */
    static final int MAX_ARMS = 4;

    static ExperimentForm empty(Long contentId) {
        return new ExperimentForm(contentId, "", "", ExperimentField.HOOK.name(), ExperimentMetric.AVERAGE_PERCENT_VIEWED.name(),
                "5", List.of());
    }

    /** The arm text typed in input {@code index} (0-based), or "" for the page. */
    public String arm(int index) {
        return arms != null && index < arms.size() && arms.get(index) != null ? arms.get(index) : "";
    }
}
