-- The comparison and strategy dashboards group a period's publications by content item. Carrying the content id on
-- publication_metrics spares them a join to publication per row (100 000 look-ups for a busy brand's quarter). It never
-- changes once a publication exists, so no import rewrites it. The importer's adoption writes it with the row; no
-- default, so a writer that forgets it fails instead of hiding a post from the dashboards. (Not a trigger: MariaDB 11.4
-- loses column values in multi-row INSERT … SELECT into a table with a BEFORE trigger.)
ALTER TABLE publication_metrics ADD COLUMN content_id BIGINT NOT NULL DEFAULT 0;
UPDATE publication_metrics pm JOIN publication p ON p.id = pm.publication_id SET pm.content_id = p.content_id;
ALTER TABLE publication_metrics ALTER COLUMN content_id DROP DEFAULT;
CREATE INDEX ix_pubmetrics_content ON publication_metrics (content_id);
