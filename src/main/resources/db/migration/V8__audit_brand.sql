-- Audit rows name the brand their subject belongs to, so reviewers and managers read only their own brands' rows.
-- Rows about users and sign-ins keep NULL: only admins read those.
ALTER TABLE audit_entry ADD COLUMN brand_id BIGINT NULL;
CREATE INDEX ix_audit_brand ON audit_entry (brand_id, occurred_at);

-- Backfill the existing rows from their subjects. The append-only trigger refuses every UPDATE, so it is dropped
-- for these statements only and re-created, unchanged, right after them (Flyway runs this before Herald serves).
DROP TRIGGER audit_entry_no_update;

UPDATE audit_entry a JOIN brand b ON a.subject_id = b.id
SET a.brand_id = b.id
WHERE a.subject_type = 'BRAND';

UPDATE audit_entry a JOIN content_item c ON a.subject_id = c.id
SET a.brand_id = c.brand_id
WHERE a.subject_type = 'CONTENT';

UPDATE audit_entry a JOIN governance_rule r ON a.subject_id = r.id
SET a.brand_id = r.brand_id
WHERE a.subject_type = 'RULE';

UPDATE audit_entry a JOIN channel ch ON a.subject_id = ch.id
SET a.brand_id = ch.brand_id
WHERE a.subject_type = 'CHANNEL';

UPDATE audit_entry a JOIN publication p ON a.subject_id = p.id JOIN channel ch ON p.channel_id = ch.id
SET a.brand_id = ch.brand_id
WHERE a.subject_type = 'PUBLICATION';

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: updates are not allowed';
