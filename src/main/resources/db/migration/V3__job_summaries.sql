-- The latest logged metrics of each job (the data of its latest metrics event), so that a listing needs no events.
ALTER TABLE jobs ADD COLUMN latest_metrics text;
CREATE INDEX jobs_newest ON jobs (created_at DESC, id DESC);
