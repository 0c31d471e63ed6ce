-- Jobs, their events exactly as the stream sends them, and their latest checkpoints.
CREATE TABLE jobs (
    id               uuid        PRIMARY KEY,
    owner            text        NOT NULL,
    -- whether the job counts against its tenant's quota of active jobs
    metered          boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    -- the job's spec as JSON (inline data left out), the inline data while the job may still run, and the sample
    -- of its rows kept for the plot (both in the binary form of dev.backprop.training.RowsFormat)
    spec             jsonb       NOT NULL,
    data             bytea,
    points           bytea       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text,
    result           jsonb,
    cancel_requested boolean     NOT NULL DEFAULT false,
    last_event_id    bigint      NOT NULL DEFAULT 0,
    -- the lease of an unfinished job: the process that runs it renews heartbeat_at; once that is older than the lease
    -- timeout, another process may claim the job and go on with it from its checkpoint
    worker           uuid,
    heartbeat_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_by_owner ON jobs (owner, created_at DESC, id DESC);
CREATE INDEX jobs_unfinished ON jobs (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');

-- Events in the batches they were written in: frames holds events first_id..last_id (those the job's log still
-- keeps) as the exact text/event-stream bytes a stream sends.
CREATE TABLE job_events (
    job_id   uuid   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    first_id bigint NOT NULL CHECK (first_id > 0),
    last_id  bigint NOT NULL CHECK (last_id >= first_id),
    frames   bytea  NOT NULL,
    PRIMARY KEY (job_id, first_id)
);

-- The state a running job resumes from, written in one transaction with the events up to it. pending_metrics is
-- the data of a logged iteration the log had not yet kept (see JobJournal), which the end of the job adds.
CREATE TABLE job_checkpoints (
    job_id          uuid        PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    iteration       integer     NOT NULL,
    last_event_id   bigint      NOT NULL,
    state           bytea       NOT NULL,
    pending_metrics text,
    saved_at        timestamptz NOT NULL
);
