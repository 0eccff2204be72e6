-- When a publication may next be claimed: its slot, its next attempt while it waits for a retry, or the end of the
-- lease a dispatcher holds on it; NULL once it can never be claimed again. MariaDB keeps it, so every writer
-- (entities and bulk statements alike) keeps it right, and a claim finds each channel's earliest due publication with
-- one index dive instead of sorting every open publication. The statuses are PublicationStatus.DISPATCHABLE.
ALTER TABLE publication ADD COLUMN due_at DATETIME(6) AS (
    CASE WHEN status IN ('SCHEDULED', 'CLAIMED', 'UPLOADING', 'PROCESSING', 'RETRY_WAIT', 'UNCONFIRMED')
         THEN GREATEST(scheduled_at, COALESCE(next_attempt_at, scheduled_at), COALESCE(lease_until, scheduled_at))
    END) PERSISTENT;
CREATE INDEX ix_publication_channel_due ON publication (channel_id, due_at);
DROP INDEX ix_publication_due ON publication;
