-- Joint meetings 联席会议 (seed 003 二、(一)2; issue 14): the street office convenes the departments, the residents'
-- committee, the company and the owners' committee; the minutes record who came and each decision with the unit
-- responsible and its deadline; each decision is tracked until done.
CREATE TABLE meeting_unit (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INT  NOT NULL
);
INSERT INTO meeting_unit (code, name, position) VALUES
    ('HOUSING', '房管部门', 1), ('URBAN', '城管部门', 2), ('POWER', '供电单位', 3), ('WATER', '供水单位', 4),
    ('GAS', '供气单位', 5), ('HEATING', '供热单位', 6), ('MARKET', '市场监管部门', 7), ('POLICE', '公安派出所', 8),
    ('COMMUNITY', '社区居委会', 9), ('COMPANY', '物业服务企业', 10), ('OWNERS', '业主委员会', 11),
    ('STREET', '街道办事处', 12);

CREATE TABLE joint_meeting (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id   BIGINT      NOT NULL,
    region_path TEXT        NOT NULL,
    topic       TEXT        NOT NULL CHECK (length(topic) <= 200),
    held_on     DATE        NOT NULL,
    place       TEXT        CHECK (length(place) <= 200),
    status      TEXT        NOT NULL CHECK (status IN ('PLANNED', 'MINUTED')),
    minutes     TEXT        CHECK (length(minutes) <= 10000),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX joint_meeting_path_idx ON joint_meeting (region_path text_pattern_ops, held_on DESC);

CREATE TABLE joint_meeting_unit (
    meeting_id BIGINT  NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
    unit_code  TEXT    NOT NULL REFERENCES meeting_unit (code),
    attended   BOOLEAN,
    PRIMARY KEY (meeting_id, unit_code)
);

CREATE TABLE joint_meeting_decision (
    meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
    position   INT    NOT NULL,
    issue      TEXT   NOT NULL CHECK (length(issue) <= 1000),
    handling   TEXT   NOT NULL CHECK (length(handling) <= 2000),
    unit_code  TEXT   NOT NULL REFERENCES meeting_unit (code),
    due        DATE   NOT NULL,
    done_on    DATE,
    done_note  TEXT   CHECK (length(done_note) <= 2000),
    done_by    TEXT,
    PRIMARY KEY (meeting_id, position)
);
