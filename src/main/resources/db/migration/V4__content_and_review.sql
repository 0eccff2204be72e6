-- Content items, their per-platform variants, immutable hashed revisions, comments and approvals.
CREATE TABLE content_item (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand_id             BIGINT       NOT NULL,
    title                VARCHAR(200) NOT NULL,
    core_message         TEXT         NULL,
    description          TEXT         NULL,
    hashtags             VARCHAR(500) NULL,
    platforms            VARCHAR(100) NOT NULL,
    state                VARCHAR(30)  NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    submitted_at         DATETIME(6)  NULL,
    planned_publish_at   DATETIME(6)  NULL,
    current_revision_id  BIGINT       NULL,
    approved_revision_id BIGINT       NULL,
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_content_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    INDEX ix_content_state (state, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_variant (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id BIGINT       NOT NULL,
    platform   VARCHAR(20)  NOT NULL,
    title      VARCHAR(200) NULL,
    body       TEXT         NULL,
    CONSTRAINT fk_variant_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    CONSTRAINT uk_variant_platform UNIQUE (content_id, platform)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_revision (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id BIGINT      NOT NULL,
    number     INT         NOT NULL,
    sha256     CHAR(64)    NOT NULL,
    canonical  MEDIUMTEXT  NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_revision_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    CONSTRAINT uk_revision_number UNIQUE (content_id, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER content_revision_no_update BEFORE UPDATE ON content_revision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'content_revision is immutable: updates are not allowed';

CREATE TABLE content_comment (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id      BIGINT      NOT NULL,
    author          VARCHAR(64) NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    body            TEXT        NOT NULL,
    revision_number INT         NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_comment_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    INDEX ix_comment_content (content_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_approval (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id       BIGINT      NOT NULL,
    revision_id      BIGINT      NOT NULL,
    revision_hash    CHAR(64)    NOT NULL,
    reviewer         VARCHAR(64) NOT NULL,
    approved_at      DATETIME(6) NOT NULL,
    rule_set_version INT         NOT NULL,
    acknowledged     TEXT        NULL,
    CONSTRAINT fk_approval_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    CONSTRAINT fk_approval_revision FOREIGN KEY (revision_id) REFERENCES content_revision (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
