-- The workbench (issue 18). What a user has seen of his work items, so the bell counts only new ones; kept in the
-- database so every instance agrees. A key is the provider's stable item key (kind and record id).
CREATE TABLE workbench_seen (
    username TEXT        NOT NULL,
    item_key TEXT        NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, item_key)
);

-- The daily digest: one per user and day (in-app; the notification port carries it further when an adapter is
-- configured). The job runs on one instance per schedule (ShedLock); the unique key keeps a rerun from doubling it.
CREATE TABLE workbench_digest (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username   TEXT        NOT NULL,
    day        DATE        NOT NULL,
    items      INT         NOT NULL CHECK (items >= 0),
    overdue    INT         NOT NULL CHECK (overdue >= 0),
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT workbench_digest_once_a_day UNIQUE (username, day)
);
