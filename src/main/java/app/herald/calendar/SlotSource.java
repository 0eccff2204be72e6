package app.herald.calendar;

import java.time.LocalTime;
import java.util.stream.Collectors;

import app.herald.platform.Platform;

/** Where a publication's time came from, so pages can say why a slot was suggested. */
public enum SlotSource {
    DOCUMENTED_DEFAULT("Platform default slot"),
    LEARNED("Learned from the channel's own engagement"),
    CHOSEN("Chosen by a user"),
    EXPERIMENT("Proposed for an A/B experiment's arm");

    private final String label;

    SlotSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What pages say about a slot on {@code platform}, e.g. "YouTube Shorts default 14:00, 18:00, 20:00 in …". */
    public String describe(Platform platform) {
        if (this != DOCUMENTED_DEFAULT) {
            return label;
        }
        return platform.label() + " default " + SlotAdvisor.DEFAULT_SLOTS.get(platform).stream().map(LocalTime::toString)
                .collect(Collectors.joining(", ")) + " in the channel's zone";
    }
}
