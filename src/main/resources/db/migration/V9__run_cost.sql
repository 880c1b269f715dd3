-- The cost of the night: per run, the CPU the application process used and the time the database spent executing
-- statements (all its sessions) while the run ran.
ALTER TABLE pipeline_run ADD COLUMN cpu_millis bigint, ADD COLUMN db_millis bigint;
