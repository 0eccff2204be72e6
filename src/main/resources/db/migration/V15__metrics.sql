-- Metrics import and analytics. Raw cumulative snapshots are kept as they come (a counter that goes down is kept);
-- publication_metrics holds each published publication's import schedule and lease (several instances import) and
-- its latest snapshot; the *_metric_day rollups are maintained incrementally at import so dashboards never scan the
-- raw snapshots. Days are calendar days in the brand's zone. A metric a platform does not give stays NULL, never 0.
-- Additive stand-ins for averages: percent_viewed_views = views * average_percent_viewed / 100 and
-- views_with_percent = views where the platform gives a percentage (average % viewed = their ratio * 100).

CREATE TABLE metric_snapshot (
    id                     BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    publication_id         BIGINT      NOT NULL,
    measured_at            DATETIME(6) NOT NULL,
    imported_at            DATETIME(6) NOT NULL,
    views                  BIGINT      NULL,
    likes                  BIGINT      NULL,
    comments               BIGINT      NULL,
    shares                 BIGINT      NULL,
    saves                  BIGINT      NULL,
    watch_time_seconds     BIGINT      NULL,
    average_view_seconds   DOUBLE      NULL,
    average_percent_viewed DOUBLE      NULL,
    reach                  BIGINT      NULL,
    followers_gained       BIGINT      NULL,
    CONSTRAINT fk_snapshot_publication FOREIGN KEY (publication_id) REFERENCES publication (id),
    CONSTRAINT uk_snapshot_time UNIQUE (publication_id, measured_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE publication_metrics (
    publication_id         BIGINT        NOT NULL PRIMARY KEY,
    brand_id               BIGINT        NOT NULL,
    channel_id             BIGINT        NOT NULL,
    platform               VARCHAR(20)   NOT NULL,
    published_at           DATETIME(6)   NOT NULL,
    next_fetch_at          DATETIME(6)   NULL,
    claimed_by             VARCHAR(80)   NULL,
    lease_until            DATETIME(6)   NULL,
    fetches                INT           NOT NULL DEFAULT 0,
    last_error             VARCHAR(1000) NULL,
    measured_at            DATETIME(6)   NULL,
    views                  BIGINT        NULL,
    likes                  BIGINT        NULL,
    comments               BIGINT        NULL,
    shares                 BIGINT        NULL,
    saves                  BIGINT        NULL,
    watch_time_seconds     BIGINT        NULL,
    average_view_seconds   DOUBLE        NULL,
    average_percent_viewed DOUBLE        NULL,
    reach                  BIGINT        NULL,
    followers_gained       BIGINT        NULL,
    CONSTRAINT fk_pubmetrics_publication FOREIGN KEY (publication_id) REFERENCES publication (id),
    CONSTRAINT fk_pubmetrics_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    INDEX ix_pubmetrics_due (next_fetch_at),
    INDEX ix_pubmetrics_channel_due (channel_id, next_fetch_at),
    INDEX ix_pubmetrics_brand_published (brand_id, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Cumulative values of the day's latest snapshot, per publication.
CREATE TABLE publication_metric_day (
    publication_id         BIGINT      NOT NULL,
    day                    DATE        NOT NULL,
    measured_at            DATETIME(6) NOT NULL,
    views                  BIGINT      NULL,
    likes                  BIGINT      NULL,
    comments               BIGINT      NULL,
    shares                 BIGINT      NULL,
    saves                  BIGINT      NULL,
    watch_time_seconds     BIGINT      NULL,
    percent_viewed_views   DOUBLE      NULL,
    views_with_percent     BIGINT      NULL,
    reach                  BIGINT      NULL,
    followers_gained       BIGINT      NULL,
    PRIMARY KEY (publication_id, day),
    CONSTRAINT fk_pubday_publication FOREIGN KEY (publication_id) REFERENCES publication (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gains on the day (the sum over publications of cumulative(day) - cumulative(previous day with data)),
-- and the posts published that day.
CREATE TABLE channel_metric_day (
    channel_id             BIGINT      NOT NULL,
    day                    DATE        NOT NULL,
    brand_id               BIGINT      NOT NULL,
    platform               VARCHAR(20) NOT NULL,
    posts_published        INT         NOT NULL DEFAULT 0,
    views                  BIGINT      NULL,
    likes                  BIGINT      NULL,
    comments               BIGINT      NULL,
    shares                 BIGINT      NULL,
    saves                  BIGINT      NULL,
    watch_time_seconds     BIGINT      NULL,
    percent_viewed_views   DOUBLE      NULL,
    views_with_percent     BIGINT      NULL,
    reach                  BIGINT      NULL,
    followers_gained       BIGINT      NULL,
    PRIMARY KEY (channel_id, day),
    INDEX ix_chday_brand (brand_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE platform_metric_day (
    brand_id               BIGINT      NOT NULL,
    platform               VARCHAR(20) NOT NULL,
    day                    DATE        NOT NULL,
    posts_published        INT         NOT NULL DEFAULT 0,
    views                  BIGINT      NULL,
    likes                  BIGINT      NULL,
    comments               BIGINT      NULL,
    shares                 BIGINT      NULL,
    saves                  BIGINT      NULL,
    watch_time_seconds     BIGINT      NULL,
    percent_viewed_views   DOUBLE      NULL,
    views_with_percent     BIGINT      NULL,
    reach                  BIGINT      NULL,
    followers_gained       BIGINT      NULL,
    PRIMARY KEY (brand_id, platform, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE brand_metric_day (
    brand_id               BIGINT      NOT NULL,
    day                    DATE        NOT NULL,
    posts_published        INT         NOT NULL DEFAULT 0,
    views                  BIGINT      NULL,
    likes                  BIGINT      NULL,
    comments               BIGINT      NULL,
    shares                 BIGINT      NULL,
    saves                  BIGINT      NULL,
    watch_time_seconds     BIGINT      NULL,
    percent_viewed_views   DOUBLE      NULL,
    views_with_percent     BIGINT      NULL,
    reach                  BIGINT      NULL,
    followers_gained       BIGINT      NULL,
    PRIMARY KEY (brand_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Metrics as of" per channel, and an import pause (quota) that leaves the channel's publishing alone.
ALTER TABLE channel
    ADD COLUMN metrics_as_of        DATETIME(6)  NULL,
    ADD COLUMN metrics_paused_until DATETIME(6)  NULL,
    ADD COLUMN metrics_pause_reason VARCHAR(500) NULL;
