-- Files kept in PostgreSQL (platform.storage.PostgresFileStore) so that every instance behind the load balancer
-- serves the same evidence photos; bytes with their SHA-256, detected content type, uploader and time.
CREATE TABLE stored_file (
    id            UUID        PRIMARY KEY,
    sha256        CHAR(64)    NOT NULL,
    content_type  TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL CHECK (size_bytes >= 0),
    original_name TEXT,
    uploaded_by   TEXT        NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL,
    content       BYTEA       NOT NULL
);
CREATE INDEX stored_file_sha256_idx ON stored_file (sha256);

-- Assessment rounds 考评轮次 (module inspection). A round pins one published scheme version and a period; it
-- is led by a district (or the city): region_path is the leading region's path, the scope of its reviewers.
CREATE TABLE round (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT        NOT NULL,
    scheme_code     TEXT        NOT NULL,
    scheme_version  INT         NOT NULL,
    period          TEXT        NOT NULL,
    period_start    DATE        NOT NULL,
    period_end      DATE        NOT NULL,
    region_id       BIGINT      NOT NULL,
    region_path     TEXT        NOT NULL,
    inspection_due  DATE        NOT NULL,
    review_due      DATE        NOT NULL,
    publicity_days  INT         NOT NULL DEFAULT 7 CHECK (publicity_days BETWEEN 0 AND 60),
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'PUBLICITY', 'PUBLISHED')),
    publicity_start DATE,
    publicity_end   DATE,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    version         INT         NOT NULL DEFAULT 0,
    CONSTRAINT round_period_ck CHECK (period_end >= period_start)
);
CREATE INDEX round_region_path_idx ON round (region_path text_pattern_ops);

-- One inspection task per estate of a round, assigned to the estate's street office. The estate's name, path,
-- street and company are copied at opening, so scope checks and lists never reach into the registry's tables.
CREATE TABLE inspection (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id       BIGINT      NOT NULL REFERENCES round (id) ON DELETE CASCADE,
    estate_id      BIGINT      NOT NULL,
    estate_name    TEXT        NOT NULL,
    estate_path    TEXT        NOT NULL,
    street_id      BIGINT      NOT NULL,
    street_name    TEXT        NOT NULL,
    company_id     BIGINT,
    assignee       TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    total          NUMERIC(7, 2),
    grade          TEXT,
    grade_label    TEXT,
    passed         BOOLEAN,
    evaluation     JSONB,
    review_comment TEXT,
    submitted_by   TEXT,
    submitted_at   TIMESTAMPTZ,
    reviewed_by    TEXT,
    reviewed_at    TIMESTAMPTZ,
    version        INT         NOT NULL DEFAULT 0,
    CONSTRAINT inspection_estate_once_per_round UNIQUE (round_id, estate_id)
);
CREATE INDEX inspection_estate_path_idx ON inspection (estate_path text_pattern_ops);
CREATE INDEX inspection_company_idx ON inspection (company_id);

-- What the inspector recorded against one rule: a count, a yes/no condition or a measured value, and a note.
CREATE TABLE finding (
    inspection_id BIGINT      NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
    rule_code     TEXT        NOT NULL,
    count         INT         CHECK (count >= 0),
    holds         BOOLEAN     NOT NULL DEFAULT FALSE,
    value         NUMERIC(12, 4),
    note          TEXT,
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (inspection_id, rule_code)
);

-- Photos behind a finding (or an objection); the bytes live in stored_file.
CREATE TABLE evidence (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inspection_id BIGINT      NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
    rule_code     TEXT        NOT NULL,
    file_id       UUID        NOT NULL REFERENCES stored_file (id),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_inspection_idx ON evidence (inspection_id, rule_code);

-- Weekly patrols 周巡查 and monthly checks 月考核 of old estates (seed 004): quick entries a round's form can
-- carry into its inspection; carried_into marks those already used, so nothing is counted twice.
CREATE TABLE patrol_record (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id    BIGINT      NOT NULL,
    estate_path  TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('WEEKLY', 'MONTHLY')),
    recorded_on  DATE        NOT NULL,
    scheme_code  TEXT        NOT NULL,
    rule_code    TEXT        NOT NULL,
    count        INT         NOT NULL CHECK (count > 0),
    note         TEXT,
    file_id      UUID REFERENCES stored_file (id),
    carried_into BIGINT REFERENCES inspection (id) ON DELETE SET NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX patrol_record_estate_idx ON patrol_record (estate_id, recorded_on);

-- Published results: an immutable snapshot per revision. Revision 1 is the publication; every later revision
-- is a correction and must give its reason. The hash is SHA-256 of the stored jsonb text, so anyone can
-- recompute it; the trigger refuses every change to a stored revision.
CREATE TABLE round_result (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id     BIGINT      NOT NULL REFERENCES round (id),
    revision     INT         NOT NULL CHECK (revision >= 1),
    reason       TEXT,
    content      JSONB       NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    published_by TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT round_result_revision_uk UNIQUE (round_id, revision),
    CONSTRAINT round_result_reason_ck CHECK (revision = 1 OR length(btrim(coalesce(reason, ''))) > 0)
);

CREATE FUNCTION round_result_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published round results cannot be changed (%): a correction is a new revision', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER round_result_immutable BEFORE UPDATE OR DELETE ON round_result
    FOR EACH ROW EXECUTE FUNCTION round_result_is_immutable();
CREATE TRIGGER round_result_no_truncate BEFORE TRUNCATE ON round_result
    FOR EACH STATEMENT EXECUTE FUNCTION round_result_is_immutable();

-- Objections 异议 of a company during publicity, against one finding of its estate, and the district's decision.
CREATE TABLE objection (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id      BIGINT      NOT NULL REFERENCES round (id),
    inspection_id BIGINT      NOT NULL REFERENCES inspection (id),
    rule_code     TEXT        NOT NULL,
    reason        TEXT        NOT NULL,
    file_id       UUID REFERENCES stored_file (id),
    raised_by     TEXT        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    decision      TEXT,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ
);
CREATE INDEX objection_inspection_idx ON objection (inspection_id);
CREATE INDEX objection_round_idx ON objection (round_id);
