-- Credit files 诚信档案 (issue 8): records about property companies and their project managers, disputes, and the
-- yearly credit ranking snapshots. Rule sets are data in classpath:credit/rules/*.yml (see docs/credit.md).

CREATE TABLE credit_record (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type  TEXT        NOT NULL CHECK (subject_type IN ('COMPANY', 'MANAGER')),
    -- the company id, or the project manager id
    subject_id    BIGINT      NOT NULL,
    subject_name  TEXT        NOT NULL,
    -- the company the record belongs to (the manager's company for a manager's record)
    company_id    BIGINT      NOT NULL,
    company_name  TEXT        NOT NULL,
    direction     TEXT        NOT NULL CHECK (direction IN ('GOOD', 'BAD')),
    kind          TEXT        NOT NULL,
    -- event name + id (e.g. CircularIssued:12), or MANUAL:<uuid> for a record entered by staff
    source        TEXT        NOT NULL UNIQUE,
    source_event  TEXT        NOT NULL,
    occurred_on   DATE        NOT NULL,
    description   TEXT        NOT NULL,
    -- the district the record comes from (the issuing district), when known
    district_id   BIGINT,
    valid_from    DATE        NOT NULL,
    valid_until   DATE        NOT NULL,
    rule_version  INT         NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CONTESTED', 'ANNULLED')),
    entered_by    TEXT        NOT NULL,
    entered_by_name TEXT      NOT NULL,
    entered_at    TIMESTAMPTZ NOT NULL,
    CHECK (valid_until >= valid_from)
);
CREATE INDEX credit_record_company_idx ON credit_record (company_id, occurred_on);
CREATE INDEX credit_record_subject_idx ON credit_record (subject_type, subject_id);
CREATE INDEX credit_record_public_idx ON credit_record (valid_until) WHERE direction = 'BAD' AND status <> 'ANNULLED';

CREATE TABLE credit_evidence (
    record_id BIGINT NOT NULL REFERENCES credit_record (id),
    file_id   UUID   NOT NULL,
    name      TEXT   NOT NULL,
    PRIMARY KEY (record_id, file_id)
);

CREATE TABLE credit_dispute (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id       BIGINT      NOT NULL REFERENCES credit_record (id),
    reason          TEXT        NOT NULL,
    evidence_id     UUID,
    evidence_name   TEXT,
    raised_by       TEXT        NOT NULL,
    raised_by_name  TEXT        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    decision        TEXT CHECK (decision IN ('UPHELD', 'ANNULLED')),
    decision_reason TEXT,
    decided_by      TEXT,
    decided_by_name TEXT,
    decided_at      TIMESTAMPTZ,
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
-- at most one open dispute per record
CREATE UNIQUE INDEX credit_dispute_open_idx ON credit_dispute (record_id) WHERE decision IS NULL;

-- A computed year ranking: one row per district (or the city, district_id 0) and company, kept so the next year
-- can be compared with it (exit recommendation (1): bottom 3 two years running).
CREATE TABLE credit_ranking (
    year          INT           NOT NULL,
    district_id   BIGINT        NOT NULL,
    company_id    BIGINT        NOT NULL,
    company_name  TEXT          NOT NULL,
    score         NUMERIC(7, 2) NOT NULL,
    rank          INT           NOT NULL,
    peers         INT           NOT NULL,
    rule_version  INT           NOT NULL,
    computed_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (year, district_id, company_id)
);
