-- The comparison and strategy dashboards group a period's publications by content item. Carrying the content id on
-- publication_metrics spares them a join to publication per row (100 000 look-ups for a busy brand's quarter). It never
-- changes once a publication exists, so no import rewrites it; the trigger fills it for every writer, the importer's
-- adoption and bulk loads alike, so it cannot disagree with the publication.
ALTER TABLE publication_metrics ADD COLUMN content_id BIGINT NOT NULL DEFAULT 0;
UPDATE publication_metrics pm JOIN publication p ON p.id = pm.publication_id SET pm.content_id = p.content_id;
CREATE INDEX ix_pubmetrics_content ON publication_metrics (content_id);
CREATE TRIGGER publication_metrics_content BEFORE INSERT ON publication_metrics FOR EACH ROW
    SET NEW.content_id = (SELECT content_id FROM publication WHERE id = NEW.publication_id);
