-- Four-eyes approval: who submitted the current submission, and who edited an item while it was still a draft
-- (edits after the first submission are revisions, which record their author). Neither may approve it.
ALTER TABLE content_item ADD COLUMN submitted_by VARCHAR(64) NULL AFTER submitted_at;

-- Existing submissions: the submitter is the actor of the item's latest move to SUBMITTED in the audit log.
UPDATE content_item i
SET i.submitted_by = (SELECT a.actor FROM audit_entry a
                      WHERE a.subject_type = 'CONTENT' AND a.subject_id = i.id AND a.to_state = 'SUBMITTED'
                      ORDER BY a.id DESC LIMIT 1)
WHERE i.submitted_at IS NOT NULL;

CREATE TABLE content_draft_editor (
    content_id BIGINT      NOT NULL,
    username   VARCHAR(64) NOT NULL,
    PRIMARY KEY (content_id, username),
    CONSTRAINT fk_draft_editor_content FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
