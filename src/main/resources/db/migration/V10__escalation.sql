-- Escalation 督办 (issue 7, seed 000 lines 20–27): the ladder 通报 → 约谈 → 处罚 per company and district with the
-- suggestions that propose each rung, exit recommendations with their letters to owners' committees, and
-- commendations. The notices are a copy kept from the rectification module's events; nothing here reads its tables.

-- One ladder: a company in a district (seed 000: 由区房产主管部门在一定范围内进行通报).
CREATE TABLE escalation_case (
    id            BIGSERIAL PRIMARY KEY,
    company_id    BIGINT NOT NULL,
    company_name  TEXT   NOT NULL,
    district_id   BIGINT NOT NULL,
    district_name TEXT   NOT NULL,
    district_path TEXT   NOT NULL,
    UNIQUE (company_id, district_id)
);

-- The estates a ladder concerns (from its notices and ranking lists): a street office sees the ladders of its estates.
CREATE TABLE escalation_case_estate (
    case_id     BIGINT NOT NULL REFERENCES escalation_case (id),
    estate_id   BIGINT NOT NULL,
    estate_name TEXT   NOT NULL,
    region_path TEXT   NOT NULL,
    PRIMARY KEY (case_id, estate_id)
);
CREATE INDEX escalation_case_estate_path_idx ON escalation_case_estate (region_path text_pattern_ops);

-- What escalation knows of each rectification notice, from NoticeIssued, RectificationOverdue, AcceptanceFailed,
-- NoticeClosed and NoticeReopened.
CREATE TABLE escalation_notice (
    notice_id     BIGINT PRIMARY KEY,
    case_id       BIGINT  NOT NULL REFERENCES escalation_case (id),
    number        TEXT    NOT NULL,
    estate_id     BIGINT  NOT NULL,
    estate_name   TEXT    NOT NULL,
    issued_on     DATE,
    deadline      DATE,
    overdue_since DATE,
    failed_on     DATE,
    closed        BOOLEAN NOT NULL DEFAULT FALSE,
    closed_on     DATE
);
CREATE INDEX escalation_notice_case_idx ON escalation_notice (case_id);

-- A proposed rung; a person decides it (the rung record is created) or dismisses it with a reason.
CREATE TABLE escalation_suggestion (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT NOT NULL REFERENCES escalation_case (id),
    kind           TEXT   NOT NULL CHECK (kind IN ('CIRCULAR', 'INTERVIEW', 'PENALTY')),
    status         TEXT   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DECIDED', 'DISMISSED')),
    raised_on      DATE   NOT NULL,
    basis_id       BIGINT,
    ranking_id     BIGINT,
    closed_by      TEXT,
    closed_at      TIMESTAMPTZ,
    dismiss_reason TEXT,
    rung_id        BIGINT
);
CREATE INDEX escalation_suggestion_case_idx ON escalation_suggestion (case_id, status);
-- At most one open 通报 suggestion per ladder: further overdue or failed notices join it.
CREATE UNIQUE INDEX escalation_suggestion_open_circular ON escalation_suggestion (case_id)
    WHERE kind = 'CIRCULAR' AND status = 'OPEN';

-- The conditions behind a suggestion, in words. trigger_key names the condition so that it suggests once only.
CREATE TABLE escalation_trigger (
    trigger_key   TEXT PRIMARY KEY,
    suggestion_id BIGINT NOT NULL REFERENCES escalation_suggestion (id),
    notice_id     BIGINT,
    held_on       DATE   NOT NULL,
    reason        TEXT   NOT NULL
);
CREATE INDEX escalation_trigger_suggestion_idx ON escalation_trigger (suggestion_id);

-- Document numbers, one sequence per kind and year (通报〔2066〕3号).
CREATE TABLE escalation_number (
    kind TEXT NOT NULL,
    year INT  NOT NULL,
    last INT  NOT NULL,
    PRIMARY KEY (kind, year)
);

-- 通报: a published record naming the company and the reason (public at /public/circulars).
CREATE TABLE escalation_circular (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT      NOT NULL REFERENCES escalation_case (id),
    suggestion_id   BIGINT      NOT NULL UNIQUE REFERENCES escalation_suggestion (id),
    number          TEXT        NOT NULL UNIQUE,
    issued_on       DATE        NOT NULL,
    reason          TEXT        NOT NULL,
    decided_by      TEXT        NOT NULL,
    decided_by_name TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);
CREATE TABLE escalation_circular_notice (
    circular_id BIGINT NOT NULL REFERENCES escalation_circular (id),
    notice_id   BIGINT NOT NULL REFERENCES escalation_notice (notice_id),
    PRIMARY KEY (circular_id, notice_id)
);

-- 约谈: date, place, attendees, minutes and the company's commitments.
CREATE TABLE escalation_interview (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT      NOT NULL REFERENCES escalation_case (id),
    suggestion_id   BIGINT      NOT NULL UNIQUE REFERENCES escalation_suggestion (id),
    circular_id     BIGINT      NOT NULL REFERENCES escalation_circular (id),
    number          TEXT        NOT NULL UNIQUE,
    held_on         DATE        NOT NULL,
    place           TEXT        NOT NULL,
    attendees       TEXT        NOT NULL,
    minutes         TEXT        NOT NULL,
    commitments     TEXT        NOT NULL,
    decided_by      TEXT        NOT NULL,
    decided_by_name TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);

-- 处罚: the decision, its legal basis, and an amount in yuan or a measure (or both).
CREATE TABLE escalation_penalty (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT      NOT NULL REFERENCES escalation_case (id),
    suggestion_id   BIGINT      NOT NULL UNIQUE REFERENCES escalation_suggestion (id),
    interview_id    BIGINT      NOT NULL REFERENCES escalation_interview (id),
    number          TEXT        NOT NULL UNIQUE,
    decided_on      DATE        NOT NULL,
    decision        TEXT        NOT NULL,
    legal_basis     TEXT        NOT NULL,
    amount          NUMERIC(14, 2) CHECK (amount > 0),
    measure         TEXT,
    decided_by      TEXT        NOT NULL,
    decided_by_name TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    CHECK (amount IS NOT NULL OR measure IS NOT NULL)
);

-- Exit recommendations (seed 000 items 1–6) and their letters to the estate's owners' committee.
CREATE TABLE escalation_exit (
    id            BIGSERIAL PRIMARY KEY,
    trigger_key   TEXT UNIQUE,
    reason        TEXT        NOT NULL CHECK (reason IN ('CREDIT_BOTTOM_TWO_YEARS', 'DAILY_BOTTOM_TWO_YEARS',
                                                         'POOR_SERVICE', 'PRICE_MISMATCH', 'LAW_VIOLATION', 'OTHER')),
    estate_id     BIGINT      NOT NULL,
    estate_name   TEXT        NOT NULL,
    region_path   TEXT        NOT NULL,
    street_name   TEXT        NOT NULL,
    company_id    BIGINT      NOT NULL,
    company_name  TEXT        NOT NULL,
    district_id   BIGINT      NOT NULL,
    district_name TEXT        NOT NULL,
    scheme_title  TEXT,
    facts         TEXT        NOT NULL,
    raised_on     DATE        NOT NULL,
    raised_by     TEXT        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX escalation_exit_estate_idx ON escalation_exit (estate_id);

-- Companies recommended for 评优评先 and projects from the top lists (seed 000 line 27).
CREATE TABLE escalation_commendation (
    id            BIGSERIAL PRIMARY KEY,
    ranking_id    BIGINT        NOT NULL,
    scheme_code   TEXT          NOT NULL,
    scheme_title  TEXT          NOT NULL,
    period        TEXT          NOT NULL,
    kind          TEXT          NOT NULL,
    district_id   BIGINT        NOT NULL,
    district_name TEXT          NOT NULL,
    district_path TEXT          NOT NULL,
    category      TEXT          NOT NULL,
    company_id    BIGINT        NOT NULL,
    company_name  TEXT          NOT NULL,
    estates       TEXT          NOT NULL,
    best_place    INT           NOT NULL,
    best_score    NUMERIC(7, 2),
    listed_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (ranking_id, district_id, category, company_id)
);
