package app.herald.audit;

/** Every kind of change the audit log records. */
public enum AuditAction {
    SIGN_IN_SUCCEEDED("Signed in", true),
    SIGN_IN_FAILED("Sign-in failed", true),
    USER_CREATED("User created", true),
    USER_ROLES_CHANGED("User roles changed", true),
    USER_DEACTIVATED("User deactivated", true),
    USER_REACTIVATED("User reactivated", true),
    BRAND_CREATED("Brand created"),
    BRAND_UPDATED("Brand updated"),
    BRAND_MEMBERS_CHANGED("Brand members changed"),
    RULE_CREATED("Rule created"),
    RULE_UPDATED("Rule updated"),
    RULE_DEACTIVATED("Rule deactivated"),
    RULE_REACTIVATED("Rule reactivated"),
    CONTENT_CREATED("Content created"),
    CONTENT_REVISED("Content revised"),
    CONTENT_STATE_CHANGED("Content state changed"),
    MEDIA_ATTACHED("Video attached"),
    MEDIA_REMOVED("Video removed"),
    COMMENT_ADDED("Comment added"),
    CHANNEL_CREATED("Channel created"),
    CHANNEL_UPDATED("Channel updated"),
    CHANNEL_CONNECTED("Channel connected"),
    CHANNEL_DISCONNECTED("Channel disconnected"),
    PUBLICATION_SCHEDULED("Publication scheduled"),
    PUBLICATION_RESCHEDULED("Publication rescheduled"),
    PUBLICATION_NEEDS_RESCHEDULE("Publication needs rescheduling"),
    PUBLICATION_DISPATCH("Publication dispatch step"),
    PUBLICATION_MARKED_PUBLISHED("Publication marked as published by hand"),
    PUBLICATION_CANCELLED("Publication cancelled"),
    PUBLICATION_RETRIED("Publication retried by hand"),
    BLACKOUT_ADDED("Blackout date added"),
    BLACKOUT_REMOVED("Blackout date removed"),
    EXPERIMENT_CREATED("Experiment created"),
    EXPERIMENT_POST_ADDED("Experiment post added"),
    EXPERIMENT_ARMS_PREPARED("Experiment arm posts prepared"),
    EXPERIMENT_POSTS_BOOKED("Experiment posts booked"),
    EXPERIMENT_STOPPED("Experiment stopped"),
    EXPERIMENT_DELETED("Experiment deleted");

    private final String label;
    private final boolean aboutAccounts;

    AuditAction(String label) {
        this(label, false);
    }

    AuditAction(String label, boolean aboutAccounts) {
        this.label = label;
        this.aboutAccounts = aboutAccounts;
    }

    public String label() {
        return label;
    }

    /** Rows about user accounts and sign-ins belong to no brand; only admins read them. */
    public boolean aboutAccounts() {
        return aboutAccounts;
    }
}
