-- Where each replica sharing the database is reached: a session's id names its replica, and a request for it that
-- reaches another replica is forwarded there.
CREATE TABLE replicas (
    id           text        PRIMARY KEY,
    url          text        NOT NULL,
    heartbeat_at timestamptz NOT NULL
);
