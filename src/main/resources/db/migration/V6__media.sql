-- Uploaded and generated videos (one row and one file per distinct SHA-256), fitted renditions with their
-- progress, and the video a content item carries.
CREATE TABLE media_file (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256           CHAR(64)     NOT NULL,
    stored_name      VARCHAR(200) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    container        VARCHAR(20)  NOT NULL,
    duration_seconds DOUBLE       NOT NULL,
    width            INT          NOT NULL,
    height           INT          NOT NULL,
    rotation         INT          NOT NULL,
    video_codec      VARCHAR(40)  NOT NULL,
    audio_codec      VARCHAR(40)  NULL,
    frame_rate       DOUBLE       NOT NULL,
    bit_rate         BIGINT       NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_media_sha256 UNIQUE (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The file name is per content item: the same bytes may come from different brands under different names.
ALTER TABLE content_item ADD COLUMN media_id BIGINT NULL;
ALTER TABLE content_item ADD COLUMN media_name VARCHAR(255) NULL;
ALTER TABLE content_item ADD CONSTRAINT fk_content_media FOREIGN KEY (media_id) REFERENCES media_file (id);

CREATE TABLE media_rendition (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_id       BIGINT       NOT NULL,
    source_media_id  BIGINT       NOT NULL,
    fit              VARCHAR(10)  NOT NULL,
    thumbnail_second DOUBLE       NOT NULL,
    name             VARCHAR(255) NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    percent          INT          NOT NULL DEFAULT 0,
    result_media_id  BIGINT       NULL,
    thumbnail_name   VARCHAR(200) NULL,
    error            VARCHAR(500) NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    CONSTRAINT fk_rendition_content FOREIGN KEY (content_id) REFERENCES content_item (id),
    CONSTRAINT fk_rendition_source FOREIGN KEY (source_media_id) REFERENCES media_file (id),
    CONSTRAINT fk_rendition_result FOREIGN KEY (result_media_id) REFERENCES media_file (id),
    INDEX ix_rendition_content (content_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
