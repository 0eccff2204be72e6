-- The dispatcher: leases on publications and channels (several instances share one database), the platform handle
-- of each publication (committed before the next network step), every attempt, channel pauses and the Sandbox
-- channels' failure mode.
ALTER TABLE publication
    ADD COLUMN claimed_by      VARCHAR(80)   NULL,
    ADD COLUMN lease_until     DATETIME(6)   NULL,
    ADD COLUMN next_attempt_at DATETIME(6)   NULL,
    ADD COLUMN upload_ref      VARCHAR(1000) NULL,
    ADD COLUMN upload_offset   BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN upload_size     BIGINT        NULL,
    ADD COLUMN platform_video_id VARCHAR(200) NULL,
    ADD COLUMN platform_url    VARCHAR(1000) NULL,
    ADD COLUMN failure_reason  VARCHAR(1000) NULL,
    ADD COLUMN retries         INT           NOT NULL DEFAULT 0,
    ADD COLUMN resends         INT           NOT NULL DEFAULT 0,
    ADD COLUMN claimed_at      DATETIME(6)   NULL,
    ADD COLUMN published_at    DATETIME(6)   NULL;
CREATE INDEX ix_publication_due ON publication (status, scheduled_at, next_attempt_at);

ALTER TABLE channel
    ADD COLUMN dispatch_owner       VARCHAR(80)  NULL,
    ADD COLUMN dispatch_lease_until DATETIME(6)  NULL,
    ADD COLUMN paused_until         DATETIME(6)  NULL,
    ADD COLUMN pause_reason         VARCHAR(500) NULL,
    ADD COLUMN sandbox_failure_mode VARCHAR(30)  NOT NULL DEFAULT 'NONE',
    ADD COLUMN sandbox_failure_minutes INT       NOT NULL DEFAULT 5;

CREATE TABLE publication_attempt (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    publication_id BIGINT        NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    step           VARCHAR(20)   NOT NULL,
    outcome        VARCHAR(20)   NOT NULL,
    http_status    INT           NULL,
    error_code     VARCHAR(100)  NULL,
    message        VARCHAR(1000) NULL,
    duration_ms    BIGINT        NOT NULL,
    instance       VARCHAR(80)   NOT NULL,
    CONSTRAINT fk_attempt_publication FOREIGN KEY (publication_id) REFERENCES publication (id),
    INDEX ix_attempt_publication (publication_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
