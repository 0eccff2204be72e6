-- Managers get a weekly analytics digest by e-mail unless they opt out on their profile page.
ALTER TABLE app_user ADD COLUMN weekly_digest BOOLEAN NOT NULL DEFAULT TRUE;

-- One row per digest (manager, brand, week starting Monday), inserted before the e-mail leaves: the primary key makes
-- the claim atomic, so with several instances (or a job run twice) a digest is sent at most once. sent_at stays NULL
-- while the e-mail is on its way; a failed send deletes the row so a later run tries again.
CREATE TABLE digest_delivery (
    user_id    BIGINT      NOT NULL,
    brand_id   BIGINT      NOT NULL,
    week_start DATE        NOT NULL,
    claimed_at DATETIME(6) NOT NULL,
    sent_at    DATETIME(6) NULL,
    PRIMARY KEY (user_id, brand_id, week_start),
    CONSTRAINT fk_digest_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_digest_brand FOREIGN KEY (brand_id) REFERENCES brand (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
