package app.herald.channel;

/** Whether a channel can take scheduled posts. */
public enum ChannelStatus {
    ACTIVE("Active"),
    RECONNECT_NEEDED("Reconnect needed"),
    PAUSED("Paused");

    private final String label;

    ChannelStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
