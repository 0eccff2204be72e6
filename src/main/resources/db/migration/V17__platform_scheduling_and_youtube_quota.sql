-- Scheduling on the platform: a channel with an upload lead has each publication uploaded that many minutes before
-- its slot, and the platform (YouTube publishAt, Facebook SCHEDULED) makes it public at the slot. NULL: Herald
-- publishes at the slot itself. Each publication keeps the lead it was scheduled with (0: Herald publishes), so its
-- due time stays a column MariaDB computes; platform_publish_at is the time the platform was asked to publish at.
ALTER TABLE channel ADD COLUMN upload_lead_minutes INT NULL;
ALTER TABLE publication
    ADD COLUMN upload_lead_minutes INT NOT NULL DEFAULT 0,
    ADD COLUMN platform_publish_at DATETIME(6) NULL;
-- As V13, with the lead and with SCHEDULED_ON_PLATFORM (checked once at the slot) among the dispatchable statuses.
ALTER TABLE publication MODIFY COLUMN due_at DATETIME(6) AS (
    CASE WHEN status IN ('SCHEDULED', 'CLAIMED', 'UPLOADING', 'PROCESSING', 'RETRY_WAIT', 'UNCONFIRMED',
                         'SCHEDULED_ON_PLATFORM')
         THEN GREATEST(scheduled_at - INTERVAL upload_lead_minutes MINUTE,
                       COALESCE(next_attempt_at, scheduled_at - INTERVAL upload_lead_minutes MINUTE),
                       COALESCE(lease_until, scheduled_at - INTERVAL upload_lead_minutes MINUTE))
    END) PERSISTENT;

-- YouTube Data API units used per Google project (named by its OAuth client id) and Pacific-time day, per bucket
-- ('general': 10 000 units a day shared by every method; 'videos.insert': its own bucket of calls). Each call adds its
-- cost in one atomic upsert before it is made, so several Herald instances share one count.
CREATE TABLE youtube_quota (
    project   VARCHAR(200) NOT NULL,
    quota_day DATE         NOT NULL,
    bucket    VARCHAR(20)  NOT NULL,
    units     BIGINT       NOT NULL,
    PRIMARY KEY (project, quota_day, bucket)
);
