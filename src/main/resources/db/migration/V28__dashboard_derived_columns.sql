-- The dashboards that read every post of a period (comparison, strategies, heatmap) spend most of their time having
-- each value formatted, sent and parsed. Two values they need are derived from others: kept as stored generated
-- columns, they are computed once per import instead of per dashboard row, and sent as plain numbers.
-- interactions: likes + comments + shares + saves, NULL when the platform gives none of the four (never zero).
-- published_second: published_at (UTC) as epoch seconds, which a client parses faster than a date-time.
ALTER TABLE publication_metrics
    ADD COLUMN interactions BIGINT AS (CASE WHEN COALESCE(likes, comments, shares, saves) IS NULL THEN NULL ELSE
        COALESCE(likes, 0) + COALESCE(comments, 0) + COALESCE(shares, 0) + COALESCE(saves, 0) END) STORED,
    ADD COLUMN published_second BIGINT AS (TIMESTAMPDIFF(SECOND, '1970-01-01', published_at)) STORED;

-- The strategy comparison reads every content item's strategy of a brand: an index that holds both answers it without
-- visiting each row (the primary key rides along in every secondary index).
CREATE INDEX ix_content_brand_sequencing ON content_item (brand_id, sequencing);
