-- Where a user wants notifications e-mailed (optional; set on the profile page).
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL;
