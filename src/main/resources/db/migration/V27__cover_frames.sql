-- Thumbnail experiment arms pick a cover frame: the moment of the video a post shows as its cover, kept on the
-- platform variant the post is published from (so the revision hash and the approval cover it), in milliseconds;
-- NULL leaves the cover to the platform.
ALTER TABLE content_variant ADD COLUMN cover_ms INT NULL;

-- Where setting a publication's cover frame stands. YouTube needs a call of its own after the upload
-- (thumbnails.set); SENDING is committed before that call, so a worker killed during it leaves a trace and the next
-- one sends it again, saying so. NONE: no cover frame; PENDING: to be set once the platform holds the video; SET;
-- REFUSED: not set, cover_note says why (the post itself goes on and is published).
ALTER TABLE publication
    ADD COLUMN cover_state VARCHAR(10) NOT NULL DEFAULT 'NONE',
    ADD COLUMN cover_note  VARCHAR(1000) NULL;
