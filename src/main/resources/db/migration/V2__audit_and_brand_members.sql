-- Append-only audit log: the triggers make UPDATE and DELETE fail for every client, not only for Herald's code.
CREATE TABLE audit_entry (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    subject_type  VARCHAR(20)   NOT NULL,
    subject_id    BIGINT        NULL,
    subject_label VARCHAR(200)  NULL,
    from_state    VARCHAR(40)   NULL,
    to_state      VARCHAR(40)   NULL,
    revision_hash VARCHAR(64)   NULL,
    comment       VARCHAR(4000) NULL,
    INDEX ix_audit_occurred (occurred_at),
    INDEX ix_audit_actor (actor, occurred_at),
    INDEX ix_audit_subject (subject_type, subject_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: updates are not allowed';

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: deletes are not allowed';

-- Who works on which brand (admins see every brand without membership).
CREATE TABLE brand_member (
    brand_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    PRIMARY KEY (brand_id, user_id),
    CONSTRAINT fk_brand_member_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT fk_brand_member_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Increments on every governance rule change, so a compliance report can name the rule set it ran against.
ALTER TABLE brand ADD COLUMN rule_set_version INT NOT NULL DEFAULT 0;
ALTER TABLE brand ADD COLUMN color VARCHAR(7) NULL;
