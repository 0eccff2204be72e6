-- A/B experiments on a content item's text: each arm is one version of the title, caption, hook or thumbnail text,
-- posted as separate publications (not a randomised viewer split). The primary metric and the minimum posts per arm
-- are fixed when the experiment is created; slots are Herald's proposal, posts link an arm to a real publication.
CREATE TABLE experiment (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand_id     BIGINT       NOT NULL,
    content_id   BIGINT       NOT NULL,
    name         VARCHAR(120) NOT NULL,
    platform     VARCHAR(20)  NOT NULL,
    field        VARCHAR(20)  NOT NULL,
    metric       VARCHAR(30)  NOT NULL,
    min_per_arm  INT          NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    stopped_by   VARCHAR(64)  NULL,
    stopped_at   DATETIME(6)  NULL,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_experiment_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT fk_experiment_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    INDEX ix_experiment_brand (brand_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE experiment_arm (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    experiment_id BIGINT      NOT NULL,
    label         VARCHAR(2)  NOT NULL,
    text          TEXT        NOT NULL,
    CONSTRAINT fk_arm_experiment FOREIGN KEY (experiment_id) REFERENCES experiment (id) ON DELETE CASCADE,
    CONSTRAINT uk_arm_label UNIQUE (experiment_id, label)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Herald's proposed slot for one post of an arm, checked against the calendar's rules when it was proposed.
CREATE TABLE experiment_slot (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    arm_id     BIGINT      NOT NULL,
    channel_id BIGINT      NOT NULL,
    planned_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_slot_arm FOREIGN KEY (arm_id) REFERENCES experiment_arm (id) ON DELETE CASCADE,
    CONSTRAINT fk_slot_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A publication that carried an arm; its metrics come from publication_metrics. A publication counts once per
-- experiment.
CREATE TABLE experiment_post (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    experiment_id  BIGINT      NOT NULL,
    arm_id         BIGINT      NOT NULL,
    publication_id BIGINT      NOT NULL,
    linked_by      VARCHAR(64) NOT NULL,
    linked_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_post_experiment FOREIGN KEY (experiment_id) REFERENCES experiment (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_arm FOREIGN KEY (arm_id) REFERENCES experiment_arm (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_publication FOREIGN KEY (publication_id) REFERENCES publication (id),
    CONSTRAINT uk_post_publication UNIQUE (experiment_id, publication_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
