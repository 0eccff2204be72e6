-- A connected channel's platform account and OAuth tokens. The tokens are sealed with AES-GCM before they are
-- written (system.SecretBox, key HERALD_SECRET_KEY), so a dump or backup of the database alone reveals none of them.
ALTER TABLE channel
    ADD COLUMN external_account_id  VARCHAR(200)  NULL,
    ADD COLUMN access_token_sealed  TEXT          NULL,
    ADD COLUMN refresh_token_sealed TEXT          NULL,
    ADD COLUMN token_expires_at     DATETIME(6)   NULL;
