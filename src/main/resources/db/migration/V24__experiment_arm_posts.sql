-- Herald prepares and books an experiment's posts itself: each arm gets its own content item carrying the arm's text
-- (reviewed like any other), and that item is booked once per proposed slot of the arm. An arm's item may so have
-- several publications on one channel; post_key tells them apart: 0 for the usual one post of a content item on a
-- channel, the experiment slot's id for an arm's post. One publication per content, channel and key still holds.
ALTER TABLE experiment_arm
    ADD COLUMN content_id BIGINT NULL,
    ADD CONSTRAINT fk_arm_content FOREIGN KEY (content_id) REFERENCES content_item (id);

ALTER TABLE publication ADD COLUMN post_key BIGINT NOT NULL DEFAULT 0;
ALTER TABLE publication ADD CONSTRAINT uk_publication_content_channel_key UNIQUE (content_id, channel_id, post_key);
ALTER TABLE publication DROP INDEX uk_publication_content_channel;
