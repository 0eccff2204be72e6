-- Top content by views (the dashboard's default sort) reads the brand's publications in views order and stops at the
-- page's 20 rows instead of sorting every publication of the period: views DESC then publication_id is the table's
-- ORDER BY, and published_at lets the period be checked in the index without reading the row.
CREATE INDEX ix_pubmetrics_brand_views ON publication_metrics (brand_id, views DESC, publication_id, published_at);
