-- The rest of the universal content core: audience, niche, call to action and sequencing strategy.
ALTER TABLE content_item ADD COLUMN audience VARCHAR(300) NULL;
ALTER TABLE content_item ADD COLUMN niche VARCHAR(120) NULL;
ALTER TABLE content_item ADD COLUMN call_to_action VARCHAR(300) NULL;
ALTER TABLE content_item ADD COLUMN sequencing VARCHAR(20) NOT NULL DEFAULT 'BALANCED';
