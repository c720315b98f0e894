-- Street-office assessment 街道考核 (seed 001, Dalian Xigang; issue 15): a district assesses its street offices on a
-- street-level scheme for one year. Every milestone rule expands into dated nodes per street (sa_node); the street
-- submits material per node (sa_submission, at the server's time), the rule's department accepts or returns it;
-- departments record events against a street (sa_event); the street may object to a deduction (sa_objection), the
-- district's 考核办公室 upholds or withdraws it; each quarter's result is published as an immutable snapshot, a change
-- after publication being a new revision with a reason (sa_quarter, sa_quarter_result).
CREATE TABLE sa_year (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id       BIGINT       NOT NULL,
    district_path     TEXT         NOT NULL,
    district_name     TEXT         NOT NULL,
    scheme_code       TEXT         NOT NULL,
    scheme_version    INT          NOT NULL,
    year              INT          NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    objection_days    INT          NOT NULL CHECK (objection_days BETWEEN 1 AND 60),
    unqualified_below NUMERIC(5, 2) NOT NULL CHECK (unqualified_below > 0 AND unqualified_below <= 100),
    opened_by         TEXT         NOT NULL,
    opened_at         TIMESTAMPTZ  NOT NULL,
    UNIQUE (district_id, scheme_code, year)
);

CREATE TABLE sa_street (
    year_id     BIGINT NOT NULL REFERENCES sa_year (id),
    street_id   BIGINT NOT NULL,
    street_name TEXT   NOT NULL,
    street_path TEXT   NOT NULL,
    PRIMARY KEY (year_id, street_id)
);

-- Who reviews a department's rows: a district department user (DISTRICT_DEPT); rows of an unassigned department,
-- and the 区住建局's own, are reviewed by the district admin.
CREATE TABLE sa_department (
    year_id    BIGINT NOT NULL REFERENCES sa_year (id),
    department TEXT   NOT NULL CHECK (length(department) <= 100),
    username   TEXT   NOT NULL,
    PRIMARY KEY (year_id, department)
);

CREATE TABLE sa_node (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year_id    BIGINT NOT NULL REFERENCES sa_year (id),
    street_id  BIGINT NOT NULL,
    item_code  TEXT   NOT NULL,
    rule_code  TEXT   NOT NULL,
    label      TEXT   NOT NULL,
    department TEXT,
    due        DATE   NOT NULL,
    status     TEXT   NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    UNIQUE (year_id, street_id, rule_code, due),
    FOREIGN KEY (year_id, street_id) REFERENCES sa_street (year_id, street_id)
);
CREATE INDEX sa_node_due_idx ON sa_node (year_id, due);

CREATE TABLE sa_submission (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id      BIGINT      NOT NULL REFERENCES sa_node (id),
    note         TEXT        NOT NULL CHECK (length(note) <= 5000),
    figures      JSONB       NOT NULL DEFAULT '{}',
    submitted_by TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    outcome      TEXT        CHECK (outcome IN ('ACCEPTED', 'RETURNED')),
    reason       TEXT        CHECK (length(reason) <= 1000),
    reviewed_by  TEXT,
    reviewed_at  TIMESTAMPTZ
);
CREATE INDEX sa_submission_node_idx ON sa_submission (node_id, submitted_at);

CREATE TABLE sa_submission_file (
    submission_id BIGINT NOT NULL REFERENCES sa_submission (id),
    file_id       UUID   NOT NULL,
    name          TEXT   NOT NULL,
    PRIMARY KEY (submission_id, file_id)
);

CREATE TABLE sa_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year_id     BIGINT        NOT NULL,
    street_id   BIGINT        NOT NULL,
    rule_code   TEXT          NOT NULL,
    count       INT           NOT NULL CHECK (count BETWEEN 1 AND 1000),
    occurred_on DATE          NOT NULL,
    note        TEXT          NOT NULL CHECK (length(note) <= 2000),
    file_id     UUID,
    department  TEXT,
    recorded_by TEXT          NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    FOREIGN KEY (year_id, street_id) REFERENCES sa_street (year_id, street_id)
);
CREATE INDEX sa_event_street_idx ON sa_event (year_id, street_id);

-- An objection 异议 to a deduction: of an event, or of a node's late or missing submission.
CREATE TABLE sa_objection (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year_id     BIGINT      NOT NULL,
    street_id   BIGINT      NOT NULL,
    event_id    BIGINT REFERENCES sa_event (id),
    node_id     BIGINT REFERENCES sa_node (id),
    reason      TEXT        NOT NULL CHECK (length(reason) <= 2000),
    filed_by    TEXT        NOT NULL,
    filed_at    TIMESTAMPTZ NOT NULL,
    decision    TEXT        CHECK (decision IN ('UPHELD', 'WITHDRAWN')),
    answer      TEXT        CHECK (length(answer) <= 2000),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ,
    CHECK ((event_id IS NULL) <> (node_id IS NULL)),
    FOREIGN KEY (year_id, street_id) REFERENCES sa_street (year_id, street_id)
);
CREATE UNIQUE INDEX sa_objection_event_idx ON sa_objection (event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX sa_objection_node_idx ON sa_objection (node_id) WHERE node_id IS NOT NULL;

CREATE TABLE sa_reminder (
    node_id     BIGINT NOT NULL REFERENCES sa_node (id),
    days_before INT    NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (node_id, days_before)
);

CREATE TABLE sa_quarter (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year_id      BIGINT      NOT NULL REFERENCES sa_year (id),
    quarter      INT         NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    revision     INT         NOT NULL CHECK (revision >= 1),
    as_of        DATE        NOT NULL,
    reason       TEXT        CHECK (length(reason) <= 1000),
    published_by TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    UNIQUE (year_id, quarter, revision)
);

CREATE TABLE sa_quarter_result (
    quarter_id  BIGINT        NOT NULL REFERENCES sa_quarter (id),
    street_id   BIGINT        NOT NULL,
    street_name TEXT          NOT NULL,
    total       NUMERIC(7, 2) NOT NULL,
    place       INT           NOT NULL,
    evaluation  JSONB         NOT NULL,
    PRIMARY KEY (quarter_id, street_id)
);

-- Published results are immutable: a change is a new revision.
CREATE FUNCTION sa_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published street-assessment results are immutable; publish a revision instead';
END $$;
CREATE TRIGGER sa_quarter_immutable BEFORE UPDATE OR DELETE ON sa_quarter
    FOR EACH ROW EXECUTE FUNCTION sa_published_immutable();
CREATE TRIGGER sa_quarter_result_immutable BEFORE UPDATE OR DELETE ON sa_quarter_result
    FOR EACH ROW EXECUTE FUNCTION sa_published_immutable();
