-- Subsidy 老旧小区物业管理考核补贴 (seed 004 §七(二)); arithmetic in docs/subsidy.md

-- Rates (元/㎡/月) per grade, settable per district and year; the row with district_id and year NULL is the default.
CREATE TABLE subsidy_rate (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id BIGINT,
    year        INT,
    grade       TEXT          NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'QUALIFIED', 'UNQUALIFIED')),
    rate        NUMERIC(6, 2) NOT NULL CHECK (rate >= 0),
    updated_by  TEXT          NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((district_id IS NULL) = (year IS NULL))
);
CREATE UNIQUE INDEX subsidy_rate_unique ON subsidy_rate (COALESCE(district_id, 0), COALESCE(year, 0), grade);
INSERT INTO subsidy_rate (grade, rate) VALUES ('EXCELLENT', 0.30), ('GOOD', 0.20), ('QUALIFIED', 0.15),
                                              ('UNQUALIFIED', 0.00);

-- One claim per published half-year round and street office.
CREATE TABLE subsidy_claim (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id        BIGINT        NOT NULL,
    round_revision  INT           NOT NULL,
    round_name      TEXT          NOT NULL,
    period          TEXT          NOT NULL,
    period_start    DATE          NOT NULL,
    period_end      DATE          NOT NULL,
    year            INT           NOT NULL,
    district_id     BIGINT        NOT NULL,
    district_name   TEXT          NOT NULL,
    street_id       BIGINT        NOT NULL,
    street_name     TEXT          NOT NULL,
    street_path     TEXT          NOT NULL,
    status          TEXT          NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PAID_TO_STREET', 'CLOSED')),
    reviewed_by_id  BIGINT,
    approved_by_id  BIGINT,
    approved_total  NUMERIC(14, 2),
    paid_on         DATE,
    paid_amount     NUMERIC(14, 2),
    paid_voucher    TEXT,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT subsidy_claim_one_per_round_street UNIQUE (round_id, street_id),
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'REVIEWED') OR approved_total IS NOT NULL)
);
CREATE INDEX subsidy_claim_street_path_idx ON subsidy_claim (street_path text_pattern_ops);
CREATE INDEX subsidy_claim_district_year_idx ON subsidy_claim (district_id, year);

-- A line per old estate of the street in the round; what the registry said is kept beside what was used.
CREATE TABLE subsidy_line (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id          BIGINT         NOT NULL REFERENCES subsidy_claim (id) ON DELETE CASCADE,
    estate_id         BIGINT         NOT NULL,
    estate_name       TEXT           NOT NULL,
    company_id        BIGINT,
    company_name      TEXT,
    total             NUMERIC(7, 2),
    grade             TEXT,
    registry_area     NUMERIC(14, 2),
    area              NUMERIC(14, 2) CHECK (area >= 0),
    registry_entry    DATE,
    entry_date        DATE,
    correction_reason TEXT,
    corrected_by      TEXT,
    rate              NUMERIC(6, 2),
    months            DATE[]         NOT NULL DEFAULT '{}',
    exact             NUMERIC(20, 6),
    amount            NUMERIC(14, 2) CHECK (amount >= 0),
    flag              TEXT CHECK (flag IN ('NO_ENTRY_DATE', 'NO_GRADE', 'NO_AREA', 'NO_COMPANY')),
    paid_on           DATE,
    paid_amount       NUMERIC(14, 2),
    paid_voucher      TEXT,
    paid_note         TEXT,
    paid_by           TEXT,
    paid_document     UUID,
    CONSTRAINT subsidy_line_one_per_estate UNIQUE (claim_id, estate_id),
    CHECK ((flag IS NULL) = (amount IS NOT NULL))
);

-- Every step of a claim: who, when, the note and an optional document.
CREATE TABLE subsidy_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id    BIGINT      NOT NULL REFERENCES subsidy_claim (id) ON DELETE CASCADE,
    line_id     BIGINT REFERENCES subsidy_line (id) ON DELETE CASCADE,
    action      TEXT        NOT NULL,
    actor_id    BIGINT      NOT NULL,
    actor       TEXT        NOT NULL,
    occurred_on DATE        NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    note        TEXT,
    document_id UUID
);
CREATE INDEX subsidy_step_claim_idx ON subsidy_step (claim_id, id);

-- Amounts are locked once the district government approved: the database refuses a change to the arithmetic.
CREATE FUNCTION subsidy_line_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM subsidy_claim WHERE id = NEW.claim_id) IN ('APPROVED', 'PAID_TO_STREET', 'CLOSED')
       AND (NEW.area IS DISTINCT FROM OLD.area OR NEW.entry_date IS DISTINCT FROM OLD.entry_date
            OR NEW.rate IS DISTINCT FROM OLD.rate OR NEW.months IS DISTINCT FROM OLD.months
            OR NEW.amount IS DISTINCT FROM OLD.amount OR NEW.grade IS DISTINCT FROM OLD.grade) THEN
        RAISE EXCEPTION 'subsidy line % is locked after approval', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER subsidy_line_locked BEFORE UPDATE ON subsidy_line FOR EACH ROW EXECUTE FUNCTION subsidy_line_locked();
