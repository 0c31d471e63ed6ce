-- Jobs, their events exactly as the stream sends them, and their latest checkpoints.
CREATE TABLE jobs (
    id               uuid        PRIMARY KEY,
    owner            text        NOT NULL,
    created_at       timestamptz NOT NULL,
    -- the job's request as the service read it (JSON), and, for data that is not synthetic, the data itself
    spec             jsonb       NOT NULL,
    data             bytea,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text,
    result           jsonb,
    cancel_requested boolean     NOT NULL DEFAULT false,
    last_event_id    bigint      NOT NULL DEFAULT 0
);
CREATE INDEX jobs_by_owner ON jobs (owner, created_at DESC, id DESC);
CREATE INDEX jobs_unfinished ON jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE job_events (
    job_id uuid   NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    id     bigint NOT NULL CHECK (id > 0),
    frame  text   NOT NULL,
    PRIMARY KEY (job_id, id)
);

CREATE TABLE job_checkpoints (
    job_id        uuid        PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    iteration     integer     NOT NULL,
    last_event_id bigint      NOT NULL,
    state         bytea       NOT NULL,
    saved_at      timestamptz NOT NULL
);
