-- Learned slots and performance prediction. publication.slot_note keeps what a suggested time was based on
-- ("suggested from 42 posts, +23% vs your median"), shown wherever the publication is.
-- prediction_model holds each brand's latest trained 7-day model (Tribuo protobuf, Base64) and how it did on the
-- time-ordered holdout against the baseline, so every instance predicts with the same model; prediction_baseline
-- holds the baseline per channel (the median and the 10th/90th percentiles of its posts' 7-day values).
ALTER TABLE publication ADD COLUMN slot_note VARCHAR(300) NULL;

CREATE TABLE prediction_model (
    brand_id                   BIGINT      NOT NULL PRIMARY KEY,
    trained_at                 DATETIME(6) NOT NULL,
    sample_size                INT         NOT NULL,
    holdout_size               INT         NOT NULL,
    views_mean_log             DOUBLE      NOT NULL,
    views_model_error          DOUBLE      NOT NULL,
    views_baseline_error       DOUBLE      NOT NULL,
    views_uses_model           BOOLEAN     NOT NULL,
    views_residual_low         DOUBLE      NOT NULL,
    views_residual_high        DOUBLE      NOT NULL,
    views_model                LONGTEXT    NOT NULL,
    engagement_size            INT         NOT NULL,
    engagement_mean            DOUBLE      NULL,
    engagement_model_error     DOUBLE      NULL,
    engagement_baseline_error  DOUBLE      NULL,
    engagement_uses_model      BOOLEAN     NOT NULL,
    engagement_residual_low    DOUBLE      NULL,
    engagement_residual_high   DOUBLE      NULL,
    engagement_model           LONGTEXT    NULL,
    CONSTRAINT fk_predmodel_brand FOREIGN KEY (brand_id) REFERENCES brand (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE prediction_baseline (
    brand_id          BIGINT NOT NULL,
    channel_id        BIGINT NOT NULL,
    posts             INT    NOT NULL,
    views_low         DOUBLE NOT NULL,
    views_median      DOUBLE NOT NULL,
    views_high        DOUBLE NOT NULL,
    engagement_low    DOUBLE NULL,
    engagement_median DOUBLE NULL,
    engagement_high   DOUBLE NULL,
    PRIMARY KEY (brand_id, channel_id),
    CONSTRAINT fk_predbase_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
