-- Owners' complaints (module casework, issue 14; seed 003 二、(一)2 and 三、(二), seed 001 row 6): work orders from the
-- 12345 / 8890 hotline, owners and staff, handled by the estate's street office: 签收 → 派单 → 答复 → 办结 (回访), or 退回.

-- Categories with their deadlines in working days (data, editable).
CREATE TABLE complaint_category (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    sign_days  INT  NOT NULL DEFAULT 1 CHECK (sign_days BETWEEN 0 AND 30),
    close_days INT  NOT NULL DEFAULT 5 CHECK (close_days BETWEEN 1 AND 90),
    position   INT  NOT NULL
);
INSERT INTO complaint_category (code, name, position) VALUES
    ('SANITATION', '环境卫生', 1), ('ORDER', '秩序维护', 2), ('FACILITIES', '设施设备', 3), ('GREENING', '绿化', 4),
    ('FEES', '收费', 5), ('DECORATION', '装修', 6), ('OTHER', '其他', 7);

-- The working calendar's exceptions (data, editable): public holidays on weekdays (working = false) and the make-up
-- working days on weekends (调休, working = true). Weekends are otherwise days off. Seeded with the 2026 national
-- holidays as published by the State Council's General Office; a city keeps the later years here.
CREATE TABLE working_calendar (
    day     DATE PRIMARY KEY,
    working BOOLEAN NOT NULL,
    note    TEXT
);
INSERT INTO working_calendar (day, working, note) VALUES
    ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'), ('2026-01-04', true, '元旦调休'),
    ('2026-02-14', true, '春节调休'), ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'),
    ('2026-02-18', false, '春节'), ('2026-02-19', false, '春节'), ('2026-02-20', false, '春节'),
    ('2026-02-23', false, '春节'), ('2026-02-28', true, '春节调休'),
    ('2026-04-06', false, '清明节'),
    ('2026-05-01', false, '劳动节'), ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
    ('2026-05-09', true, '劳动节调休'),
    ('2026-06-19', false, '端午节'),
    ('2026-09-20', true, '国庆节调休'), ('2026-09-25', false, '中秋节'),
    ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-05', false, '国庆节'),
    ('2026-10-06', false, '国庆节'), ('2026-10-07', false, '国庆节'), ('2026-10-10', true, '国庆节调休');

CREATE TABLE complaint (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id           BIGINT      NOT NULL,
    estate_name         TEXT        NOT NULL,
    estate_path         TEXT        NOT NULL,
    company_id          BIGINT,
    category            TEXT        NOT NULL REFERENCES complaint_category (code),
    source              TEXT        NOT NULL CHECK (source IN ('HOTLINE', 'OWNER', 'STAFF')),
    hotline_no          TEXT UNIQUE,
    received_at         TIMESTAMPTZ NOT NULL,
    content             TEXT        NOT NULL CHECK (length(content) <= 5000),
    complainant         TEXT        CHECK (length(complainant) <= 100),
    phone               TEXT        CHECK (length(phone) <= 50),
    status              TEXT        NOT NULL CHECK (status IN ('RECEIVED', 'SIGNED', 'ASSIGNED', 'ANSWERED', 'CLOSED',
                                                               'RETURNED')),
    sign_due            DATE        NOT NULL,
    close_due           DATE        NOT NULL,
    signed_at           TIMESTAMPTZ,
    assignee_company_id BIGINT,
    assignee_department TEXT,
    answer              TEXT,
    answered_at         TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    callback            TEXT CHECK (callback IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    returned_reason     TEXT,
    returned_at         TIMESTAMPTZ,
    sign_overdue_sent   BOOLEAN     NOT NULL DEFAULT FALSE,
    close_overdue_sent  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by          TEXT        NOT NULL
);
CREATE INDEX complaint_path_idx ON complaint (estate_path text_pattern_ops, received_at DESC);
CREATE INDEX complaint_assignee_idx ON complaint (assignee_company_id, received_at DESC);
CREATE INDEX complaint_open_idx ON complaint (status, close_due) WHERE status NOT IN ('CLOSED', 'RETURNED');

-- Every step of a work order, who took it and when.
CREATE TABLE complaint_step (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id BIGINT      NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    note         TEXT
);
CREATE INDEX complaint_step_idx ON complaint_step (complaint_id, id);
