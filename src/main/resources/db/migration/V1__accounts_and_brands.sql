-- Accounts (read by quarkus-security-jpa) and brands.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    last_login_at DATETIME(6)  NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE brand (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(120)  NOT NULL,
    voice              VARCHAR(2000) NULL,
    timezone           VARCHAR(64)   NOT NULL,
    default_disclaimer VARCHAR(1000) NULL,
    default_hashtags   VARCHAR(500)  NULL,
    created_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uk_brand_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
