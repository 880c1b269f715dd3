-- Sources can be paused (their files wait, their pulls stop) and archived (their figures leave, their files stay);
-- a pending file can be discarded. An archived source's name is free for a new source.
ALTER TABLE source ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived'));
ALTER TABLE source ADD COLUMN archived_at timestamptz;
DROP INDEX source_name_key;
CREATE UNIQUE INDEX source_name_key ON source (tenant_id, lower(name)) WHERE status <> 'archived';

ALTER TABLE source_file DROP CONSTRAINT source_file_status_check;
ALTER TABLE source_file ADD CONSTRAINT source_file_status_check CHECK (status IN ('pending', 'processed', 'failed', 'discarded'));
