-- Wrong one-time codes per client, for surveys and votes alike (platform.guard.ClientGuard); the rows are kept.
ALTER TABLE survey_client_guard RENAME TO client_guard;

-- Owners vote on their phones (issue 13): a link per vote, a salted one-time code per unit of the frozen roll.
ALTER TABLE vote ADD COLUMN link_key TEXT UNIQUE;
ALTER TABLE vote ADD COLUMN salt BYTEA;
ALTER TABLE vote ADD COLUMN codes_issued_at TIMESTAMPTZ;
ALTER TABLE vote ADD COLUMN result_until DATE;

CREATE TABLE vote_code (
    vote_id   BIGINT NOT NULL,
    unit      TEXT   NOT NULL,
    code_hash BYTEA  NOT NULL,
    PRIMARY KEY (vote_id, unit),
    UNIQUE (vote_id, code_hash),
    FOREIGN KEY (vote_id, unit) REFERENCES vote_roll (vote_id, unit) ON DELETE CASCADE
);

-- A paper ballot counts once two different people have keyed it in alike; the first entry waits here, with the
-- scan of the slip. Ballots as the proposals' answers in order, e.g. 'FOR,AGAINST'.
CREATE TABLE vote_paper_entry (
    vote_id   BIGINT      NOT NULL,
    unit      TEXT        NOT NULL,
    ballots   TEXT        NOT NULL,
    keyed_by  TEXT        NOT NULL,
    keyed_at  TIMESTAMPTZ NOT NULL,
    scan_id   UUID,
    scan_name TEXT,
    PRIMARY KEY (vote_id, unit),
    FOREIGN KEY (vote_id, unit) REFERENCES vote_roll (vote_id, unit) ON DELETE CASCADE
);

-- Who confirmed a paper ballot (the second person), and the scan kept with the ballot in force.
ALTER TABLE vote_ballot ADD COLUMN confirmed_by TEXT;
ALTER TABLE vote_ballot ADD COLUMN scan_id UUID;
