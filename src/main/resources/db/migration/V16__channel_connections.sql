-- One OAuth connection attempt of an admin: the one-time state (only its SHA-256 is stored; the state itself travels
-- through the browser), the PKCE verifier and, for Facebook, the Pages offered with their tokens until the admin
-- picks one. Secrets are sealed with AES-GCM (system.SecretBox) like the channel tokens. Rows live in the database so
-- that any instance can answer the platform's callback.
CREATE TABLE channel_connection (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    state_hash            CHAR(64)     NOT NULL,
    platform              VARCHAR(20)  NOT NULL,
    brand_id              BIGINT       NOT NULL,
    username              VARCHAR(64)  NOT NULL,
    redirect_uri          VARCHAR(500) NOT NULL,
    code_verifier_sealed  TEXT         NULL,
    pages_sealed          MEDIUMTEXT   NULL,
    status                VARCHAR(20)  NOT NULL,
    failure               VARCHAR(1000) NULL,
    channel_id            BIGINT       NULL,
    created_at            DATETIME(6)  NOT NULL,
    expires_at            DATETIME(6)  NOT NULL,
    version               INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_channel_connection_state UNIQUE (state_hash),
    CONSTRAINT fk_channel_connection_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT fk_channel_connection_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    INDEX ix_channel_connection_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
