-- Owners' votes 业主共同决定 (module voting, issue 13; 民法典 art. 278). A vote belongs to one estate and decides one
-- matter (item 1–9) through one or more proposals, each counted separately.
CREATE TABLE vote (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id    BIGINT      NOT NULL,
    estate_name  TEXT        NOT NULL,
    estate_path  TEXT        NOT NULL,
    matter       INT         NOT NULL CHECK (matter BETWEEN 1 AND 9),
    title        TEXT        NOT NULL CHECK (length(title) <= 200),
    announced_on DATE        NOT NULL,
    opens_on     DATE        NOT NULL,
    closes_on    DATE        NOT NULL CHECK (closes_on >= opens_on),
    status       TEXT        NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'OPEN', 'CLOSED')),
    approved_by  TEXT,
    roll_size    INT         NOT NULL DEFAULT 0,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ
);
CREATE INDEX vote_estate_idx ON vote (estate_path text_pattern_ops, estate_id);

CREATE TABLE vote_proposal (
    vote_id  BIGINT NOT NULL REFERENCES vote (id) ON DELETE CASCADE,
    position INT    NOT NULL CHECK (position >= 1),
    text     TEXT   NOT NULL,
    PRIMARY KEY (vote_id, position)
);

-- The roll, frozen when the vote opens: each exclusive part with its owner, area and the developer's unsold flag
-- (the registry keeps no owners' names, so the committee supplies them from the property register).
CREATE TABLE vote_roll (
    vote_id BIGINT         NOT NULL REFERENCES vote (id) ON DELETE CASCADE,
    unit    TEXT           NOT NULL,
    owner   TEXT,
    area    NUMERIC(12, 2) NOT NULL CHECK (area >= 0),
    unsold  BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (vote_id, unit)
);

-- The ballot in force per unit and proposal (secret: only the count reads it); every change is kept below.
CREATE TABLE vote_ballot (
    vote_id   BIGINT      NOT NULL,
    unit      TEXT        NOT NULL,
    proposal  INT         NOT NULL,
    ballot    TEXT        NOT NULL CHECK (ballot IN ('FOR', 'AGAINST', 'ABSTAIN')),
    channel   TEXT        NOT NULL CHECK (channel IN ('PAPER', 'PHONE')),
    cast_at   TIMESTAMPTZ NOT NULL,
    keyed_by  TEXT,
    PRIMARY KEY (vote_id, unit, proposal),
    FOREIGN KEY (vote_id, unit) REFERENCES vote_roll (vote_id, unit) ON DELETE CASCADE
);
CREATE TABLE vote_ballot_change (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id   BIGINT      NOT NULL,
    unit      TEXT        NOT NULL,
    proposal  INT         NOT NULL,
    ballot    TEXT        NOT NULL,
    channel   TEXT        NOT NULL,
    cast_at   TIMESTAMPTZ NOT NULL,
    keyed_by  TEXT
);
CREATE INDEX vote_ballot_change_idx ON vote_ballot_change (vote_id, unit);

-- The count of each proposal at the close, with its reasons, as the law's comparisons spelled out.
CREATE TABLE vote_result (
    vote_id  BIGINT NOT NULL REFERENCES vote (id),
    proposal INT    NOT NULL,
    passed   BOOLEAN NOT NULL,
    tally    JSONB  NOT NULL,
    PRIMARY KEY (vote_id, proposal)
);
