-- Every import moves each fetched publication's next_fetch_at, and each index on it is rewritten with it. The claim
-- reads due rows through ix_pubmetrics_due alone; (channel_id, next_fetch_at) served no statement, so the channel's
-- foreign key gets a plain index on channel_id (which never changes) instead.
CREATE INDEX ix_pubmetrics_channel ON publication_metrics (channel_id);
DROP INDEX ix_pubmetrics_channel_due ON publication_metrics;
