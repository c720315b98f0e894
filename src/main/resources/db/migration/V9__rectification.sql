-- Rectification 整改 (module rectification): notices to property companies, their problems, the companies' answers
-- with photos, the acceptance inspection (销号), reminders, overdue detection and the follow-up check (回头看).

-- One template per district (seed 000: 由区房产主管部门制定统一模板). The body may hold the placeholders
-- {企业} {小区} {街道} {期间} {期限} {发文机关}; the deadline is issue date + deadline_days.
CREATE TABLE rectification_template (
    district_id       BIGINT      PRIMARY KEY,
    issuing_body      TEXT        NOT NULL,
    number_prefix     TEXT        NOT NULL,
    heading           TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    deadline_days     INT         NOT NULL CHECK (deadline_days BETWEEN 1 AND 365),
    reminder_days     INT         NOT NULL CHECK (reminder_days BETWEEN 0 AND 60),
    acceptance_method TEXT        NOT NULL,
    updated_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Document numbers 西岗整改〔2020〕12号: one counter per district and year, allocated atomically by
-- INSERT … ON CONFLICT … DO UPDATE … RETURNING, so two officers issuing at once never share a number.
CREATE TABLE rectification_number (
    district_id BIGINT NOT NULL,
    year        INT    NOT NULL,
    last        INT    NOT NULL,
    PRIMARY KEY (district_id, year)
);

-- A notice 整改通知书 to the company serving one estate. Names are copied at drafting so lists and scope checks
-- never reach into the registry. The text fields are copied from the district template when the draft is made
-- and frozen when it is issued. A notice raised from a ranking is unique per ranking and estate.
CREATE TABLE rectification_notice (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'SUBMITTED', 'CLOSED', 'WITHDRAWN')),
    source            TEXT        NOT NULL CHECK (source IN ('RANKING', 'MANUAL')),
    ranking_id        BIGINT,
    scheme_code       TEXT,
    period            TEXT,
    category          TEXT,
    estate_id         BIGINT      NOT NULL,
    estate_name       TEXT        NOT NULL,
    estate_path       TEXT        NOT NULL,
    street_id         BIGINT      NOT NULL,
    street_name       TEXT        NOT NULL,
    district_id       BIGINT      NOT NULL,
    district_name     TEXT        NOT NULL,
    company_id        BIGINT      NOT NULL,
    company_name      TEXT        NOT NULL,
    reason            TEXT,
    issuing_body      TEXT        NOT NULL,
    number_prefix     TEXT        NOT NULL,
    heading           TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    deadline_days     INT         NOT NULL,
    acceptance_method TEXT        NOT NULL,
    number            TEXT UNIQUE,
    issued_on         DATE,
    deadline          DATE,
    issued_by         TEXT,
    submitted_at      TIMESTAMPTZ,
    closed_on         DATE,
    reopen_reason     TEXT,
    overdue_deadline  DATE,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT rectification_notice_once_per_ranking UNIQUE (ranking_id, estate_id),
    CONSTRAINT rectification_notice_issued_ck CHECK (status IN ('DRAFT', 'WITHDRAWN')
        OR (number IS NOT NULL AND issued_on IS NOT NULL AND deadline IS NOT NULL))
);
CREATE INDEX rectification_notice_path_idx ON rectification_notice (estate_path text_pattern_ops);
CREATE INDEX rectification_notice_company_idx ON rectification_notice (company_id);
CREATE INDEX rectification_notice_estate_idx ON rectification_notice (estate_id, issued_on);

-- A problem of a notice: OPEN (the company owes an answer) → ANSWERED (submitted) → CLOSED (销号), or rejected back
-- to OPEN with a reason. A problem raised from a finding or patrol record keeps its rule and points lost.
CREATE TABLE rectification_problem (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id     BIGINT        NOT NULL REFERENCES rectification_notice (id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    rule_code     TEXT,
    description   TEXT          NOT NULL,
    points_lost   NUMERIC(7, 2),
    source        TEXT          NOT NULL CHECK (source IN ('FINDING', 'PATROL', 'RANKING', 'MANUAL')),
    status        TEXT          NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    answer        TEXT,
    answered_by   TEXT,
    answered_at   TIMESTAMPTZ,
    rejection     TEXT,
    rejections    INT           NOT NULL DEFAULT 0,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    closed_on     DATE
);
CREATE INDEX rectification_problem_notice_idx ON rectification_problem (notice_id, position);

-- Photos of a problem: those behind the finding (FINDING) and the company's evidence (ANSWER); bytes in stored_file.
CREATE TABLE rectification_photo (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    problem_id BIGINT      NOT NULL REFERENCES rectification_problem (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL CHECK (kind IN ('FINDING', 'ANSWER')),
    file_id    UUID        NOT NULL REFERENCES stored_file (id),
    added_by   TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX rectification_photo_problem_idx ON rectification_photo (problem_id);

-- The ledger 问题台账: every step of a notice and its problems, append-only, with who and when.
CREATE TABLE rectification_step (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id  BIGINT      NOT NULL REFERENCES rectification_notice (id) ON DELETE CASCADE,
    problem_id BIGINT REFERENCES rectification_problem (id) ON DELETE CASCADE,
    action     TEXT        NOT NULL,
    note       TEXT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX rectification_step_notice_idx ON rectification_step (notice_id, id);

-- Reminders sent before a deadline (in-app, and through the notification port): at most one per notice and day.
CREATE TABLE rectification_reminder (
    notice_id BIGINT      NOT NULL REFERENCES rectification_notice (id) ON DELETE CASCADE,
    sent_on   DATE        NOT NULL,
    message   TEXT        NOT NULL,
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notice_id, sent_on)
);

-- Follow-up checks 回头看 (seed 000: 对整改问题进行"回头看"): every estate of a bottom list whose notice was issued
-- is looked at again in the next round; done when an inspection of the estate is submitted after the notice.
CREATE TABLE rectification_followup (
    notice_id     BIGINT      PRIMARY KEY REFERENCES rectification_notice (id) ON DELETE CASCADE,
    estate_id     BIGINT      NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    scheduled_on  DATE        NOT NULL,
    inspection_id BIGINT,
    done_at       TIMESTAMPTZ
);
CREATE INDEX rectification_followup_estate_idx ON rectification_followup (estate_id, status);
