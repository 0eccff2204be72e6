-- Channels (connected accounts per brand), publications on the calendar, brand blackout dates,
-- in-app notifications, and the per-user calendar settings (display zone, hashed iCal feed token).
CREATE TABLE channel (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand_id        BIGINT       NOT NULL,
    platform        VARCHAR(20)  NOT NULL,
    sandbox         BOOLEAN      NOT NULL DEFAULT FALSE,
    display_name    VARCHAR(120) NOT NULL,
    timezone        VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    daily_cap       INT          NOT NULL,
    min_gap_minutes INT          NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_channel_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT uk_channel_name UNIQUE (brand_id, platform, display_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE publication (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id   BIGINT      NOT NULL,
    channel_id   BIGINT      NOT NULL,
    scheduled_at DATETIME(6) NOT NULL,
    status       VARCHAR(30) NOT NULL,
    revision_id  BIGINT      NOT NULL,
    slot_source  VARCHAR(30) NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    version      INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_publication_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    CONSTRAINT fk_publication_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT fk_publication_revision FOREIGN KEY (revision_id) REFERENCES content_revision (id),
    CONSTRAINT uk_publication_content_channel UNIQUE (content_id, channel_id),
    INDEX ix_publication_channel_time (channel_id, scheduled_at),
    INDEX ix_publication_time (scheduled_at, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE brand_blackout (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand_id BIGINT       NOT NULL,
    day      DATE         NOT NULL,
    reason   VARCHAR(200) NULL,
    CONSTRAINT fk_blackout_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT uk_blackout_day UNIQUE (brand_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notification (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient  VARCHAR(64)   NOT NULL,
    message    VARCHAR(1000) NOT NULL,
    link       VARCHAR(300)  NULL,
    created_at DATETIME(6)   NOT NULL,
    read_at    DATETIME(6)   NULL,
    INDEX ix_notification_recipient (recipient, read_at, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Null zone = the zone of the user's first brand; the feed token itself is never stored, only its SHA-256.
ALTER TABLE app_user ADD COLUMN timezone VARCHAR(64) NULL;
ALTER TABLE app_user ADD COLUMN ical_token_hash CHAR(64) NULL;
CREATE UNIQUE INDEX uk_app_user_ical_token ON app_user (ical_token_hash);
