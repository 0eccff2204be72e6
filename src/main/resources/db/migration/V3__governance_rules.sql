-- Governance rules: a stable identity per rule and immutable versions, so a finding can name the exact rule text
-- it came from (rule id + version) long after the rule was edited.
CREATE TABLE governance_rule (
    id              BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand_id        BIGINT  NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    current_version INT     NOT NULL,
    CONSTRAINT fk_governance_rule_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    INDEX ix_governance_rule_brand (brand_id, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- platforms and fields hold comma-separated names; empty means every platform / every field.
-- parameters holds the kind-specific settings as JSON.
CREATE TABLE governance_rule_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule_id     BIGINT        NOT NULL,
    version     INT           NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    severity    VARCHAR(10)   NOT NULL,
    platforms   VARCHAR(100)  NOT NULL,
    fields      VARCHAR(100)  NOT NULL,
    explanation VARCHAR(2000) NOT NULL,
    parameters  MEDIUMTEXT    NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_governance_rule_version UNIQUE (rule_id, version),
    CONSTRAINT fk_governance_rule_version_rule FOREIGN KEY (rule_id) REFERENCES governance_rule (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER governance_rule_version_no_update BEFORE UPDATE ON governance_rule_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'governance_rule_version is immutable: save a new version instead';

CREATE TRIGGER governance_rule_version_no_delete BEFORE DELETE ON governance_rule_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'governance_rule_version is immutable: deactivate the rule instead';
