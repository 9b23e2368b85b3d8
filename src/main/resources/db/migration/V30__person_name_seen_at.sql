-- When a person last wrote their name in a From header of their own: the newest name wins.
ALTER TABLE person ADD COLUMN name_seen_at TIMESTAMP WITH TIME ZONE;
