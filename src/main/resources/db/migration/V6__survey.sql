-- Owner satisfaction surveys (module survey, issue 5).
--
-- Anonymity by construction: survey_response holds answers with survey, estate, channel and the day only; the
-- fact that a household answered lives in survey_answered, and no column, key or shared value links the two.
-- Response ids are random UUIDs (not a sequence that follows the order of survey_answered rows).
-- The registry tables (estate, household) are only read, never written.

CREATE TABLE survey (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         TEXT        NOT NULL,
    -- code of a questionnaire (classpath:questionnaires/<code>.yaml)
    questionnaire TEXT        NOT NULL,
    -- the round of the rounds module this survey feeds, by id only (another module's table: no foreign key)
    round_id      BIGINT,
    -- the scope of whoever opened it: who may close it and void responses
    region_path   TEXT        NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    -- per-survey salt of the code hashes
    salt          BYTEA       NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    closed_by     TEXT,
    closed_at     TIMESTAMPTZ,
    CONSTRAINT survey_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX survey_round_idx ON survey (round_id);

-- The estates a survey covers; link_key is the public part of the estate link /s/{link_key}.
CREATE TABLE survey_estate (
    survey_id   BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    -- an estate of the registry, by id (no foreign key into another module's table)
    estate_id   BIGINT NOT NULL,
    -- copy of the estate's region path, so scope is one prefix match
    region_path TEXT   NOT NULL,
    link_key    TEXT   NOT NULL UNIQUE,
    -- false once the survey is closed; intake reads it FOR SHARE, so a close waits for submissions in flight
    -- and no response is accepted after the results were taken
    accepting   BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (survey_id, estate_id)
);
CREATE INDEX survey_estate_path_idx ON survey_estate (region_path text_pattern_ops);
CREATE INDEX survey_estate_estate_idx ON survey_estate (estate_id);

-- The households a survey counts (snapshot of the registry when the survey opened; the denominator) and each
-- one's current one-time code, stored only as sha256(salt || code); NULL until slips are issued.
CREATE TABLE survey_household (
    survey_id    BIGINT NOT NULL,
    household_id BIGINT NOT NULL,
    estate_id    BIGINT NOT NULL,
    building     TEXT   NOT NULL,
    unit         TEXT   NOT NULL,
    room         TEXT   NOT NULL,
    code_hash    BYTEA,
    PRIMARY KEY (survey_id, household_id),
    FOREIGN KEY (survey_id, estate_id) REFERENCES survey_estate (survey_id, estate_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX survey_household_code_idx ON survey_household (survey_id, code_hash);
CREATE INDEX survey_household_estate_idx ON survey_household (survey_id, estate_id);

-- That a household answered (and nothing about what). The primary key is the rule "one response per household,
-- whatever the channel". retry_digest = sha256(salt || code || answers) lets an identical retry be recognised
-- without storing the answers here; it cannot be reversed without the household's code, which is not stored.
CREATE TABLE survey_answered (
    survey_id    BIGINT      NOT NULL,
    household_id BIGINT      NOT NULL,
    estate_id    BIGINT      NOT NULL,
    channel      TEXT        NOT NULL CHECK (channel IN ('QR', 'LINK', 'BOX', 'VISIT', 'MEETING')),
    answered_at  TIMESTAMPTZ NOT NULL,
    -- sha256(salt || client address) of a submission over the web, for burst detection; NULL when keyed by staff
    client_hash  BYTEA,
    keyed_by     TEXT,
    retry_digest BYTEA,
    PRIMARY KEY (survey_id, household_id),
    FOREIGN KEY (survey_id, household_id) REFERENCES survey_household (survey_id, household_id) ON DELETE CASCADE
);
CREATE INDEX survey_answered_estate_idx ON survey_answered (survey_id, estate_id);
CREATE INDEX survey_answered_client_idx ON survey_answered (survey_id, client_hash, answered_at)
    WHERE client_hash IS NOT NULL;

-- The answers. No household, no person, no exact time. void_key = sha256(salt || 'void:' || code) lets staff
-- void the response of a household only with that household's code in hand.
CREATE TABLE survey_response (
    id          UUID    NOT NULL PRIMARY KEY,
    survey_id   BIGINT  NOT NULL,
    estate_id   BIGINT  NOT NULL,
    channel     TEXT    NOT NULL CHECK (channel IN ('QR', 'LINK', 'BOX', 'VISIT', 'MEETING')),
    received_on DATE    NOT NULL,
    -- question code -> option code
    answers     JSONB   NOT NULL,
    -- the respondent's percentage (0-100) by the questionnaire's weights
    score       NUMERIC NOT NULL,
    -- option of the questionnaire's key question (overall satisfaction), for the satisfied counts
    key_answer  TEXT,
    void_key    BYTEA   NOT NULL,
    FOREIGN KEY (survey_id, estate_id) REFERENCES survey_estate (survey_id, estate_id) ON DELETE CASCADE
);
CREATE INDEX survey_response_estate_idx ON survey_response (survey_id, estate_id);
CREATE INDEX survey_response_void_idx ON survey_response (survey_id, void_key);

-- Wrong-code attempts per client address (hashed), shared by every instance: rate limit and temporary lock-out.
CREATE TABLE survey_client_guard (
    client_key     TEXT        NOT NULL PRIMARY KEY,
    failures       INT         NOT NULL,
    window_started TIMESTAMPTZ NOT NULL,
    locked_until   TIMESTAMPTZ
);
