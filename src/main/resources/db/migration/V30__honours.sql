-- Honour re-evaluation 市优复评 (seed 002, Hangzhou 2018; issue 16). A register of honours; a campaign run by the city
-- association over the titles due, each entry going through the seed's stages: 梳理确认 (district association),
-- 通知公示 (company applies, publicity at >= 3 places for >= 7 days), 申报 (company's form, the owners' committee's
-- endorsement), 评审 (owner satisfaction over all owners, an expert panel, the residents' committee), 公示 (objections),
-- 公布 (the result document; the register changes). Vetoes revoke the title with the condition cited.
CREATE TABLE honour (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id     BIGINT  NOT NULL,
    estate_name   TEXT    NOT NULL,
    region_path   TEXT    NOT NULL,
    title         TEXT    NOT NULL CHECK (length(title) <= 200),
    level         TEXT    NOT NULL CHECK (level IN ('CITY', 'DISTRICT')),
    year_won      INT     NOT NULL CHECK (year_won BETWEEN 1990 AND 2999),
    company_id    BIGINT,
    company_name  TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('HELD', 'RETAINED', 'REVOKED')),
    status_year   INT,
    status_reason TEXT    CHECK (length(status_reason) <= 1000),
    document      TEXT    CHECK (length(document) <= 200),
    UNIQUE (estate_id, title, year_won)
);
CREATE INDEX honour_path_idx ON honour (region_path text_pattern_ops);

CREATE TABLE honour_campaign (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id      BIGINT      NOT NULL,
    region_path    TEXT        NOT NULL,
    year           INT         NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    title          TEXT        NOT NULL CHECK (length(title) <= 200),
    scheme_code    TEXT        NOT NULL,
    scheme_version INT         NOT NULL,
    award_years    INT[]       NOT NULL,
    confirm_by     DATE        NOT NULL,
    notice_by      DATE        NOT NULL,
    apply_by       DATE        NOT NULL,
    review_from    DATE        NOT NULL,
    review_to      DATE        NOT NULL,
    gongshi_by     DATE        NOT NULL,
    publish_by     DATE        NOT NULL,
    objection_days INT         NOT NULL CHECK (objection_days BETWEEN 1 AND 60),
    trimmed_mean   BOOLEAN     NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('OPEN', 'GONGSHI', 'PUBLISHED')),
    gongshi_from   DATE,
    document_no    TEXT        CHECK (length(document_no) <= 200),
    published_at   TIMESTAMPTZ,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (region_id, year)
);

CREATE TABLE honour_entry (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id         BIGINT      NOT NULL REFERENCES honour_campaign (id),
    honour_id           BIGINT      NOT NULL REFERENCES honour (id),
    estate_id           BIGINT      NOT NULL,
    estate_path         TEXT        NOT NULL,
    company_id          BIGINT,
    early_reason        TEXT        CHECK (length(early_reason) <= 1000),
    early_report        UUID,
    confirmed_at        TIMESTAMPTZ,
    company_decision    TEXT        CHECK (company_decision IN ('APPLIES', 'DECLINES')),
    application         TEXT        CHECK (length(application) <= 10000),
    applied_at          TIMESTAMPTZ,
    committee_decision  TEXT        CHECK (committee_decision IN ('ENDORSED', 'REFUSED')),
    committee_at        TIMESTAMPTZ,
    satisfied           INT,
    basically_satisfied INT,
    owners              INT,
    satisfaction_posted DATE,
    community_score     NUMERIC(5, 2) CHECK (community_score BETWEEN 0 AND 100),
    community_comment   TEXT        CHECK (length(community_comment) <= 2000),
    community_by        TEXT,
    veto_code           TEXT,
    veto_reason         TEXT        CHECK (length(veto_reason) <= 1000),
    proposed            TEXT        CHECK (proposed IN ('RETAIN', 'REVOKE')),
    evaluation          JSONB,
    UNIQUE (campaign_id, honour_id)
);

CREATE TABLE honour_publicity (
    entry_id  BIGINT NOT NULL REFERENCES honour_entry (id),
    place     TEXT   NOT NULL CHECK (length(place) <= 200),
    photo     UUID   NOT NULL,
    posted_on DATE   NOT NULL,
    ends_on   DATE   NOT NULL CHECK (ends_on >= posted_on),
    opinions  TEXT   CHECK (length(opinions) <= 2000),
    PRIMARY KEY (entry_id, place)
);

CREATE TABLE honour_panel (
    entry_id  BIGINT NOT NULL REFERENCES honour_entry (id),
    expert    TEXT   NOT NULL,
    score     NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    comment   TEXT   CHECK (length(comment) <= 2000),
    photo     UUID,
    scored_at TIMESTAMPTZ,
    PRIMARY KEY (entry_id, expert)
);

-- an expert's declared ties to companies: never on a panel for their estates
CREATE TABLE expert_conflict (
    expert     TEXT   NOT NULL,
    company_id BIGINT NOT NULL,
    PRIMARY KEY (expert, company_id)
);

CREATE TABLE honour_objection (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id   BIGINT      NOT NULL REFERENCES honour_entry (id),
    content    TEXT        NOT NULL CHECK (length(content) <= 2000),
    raised_by  TEXT        NOT NULL CHECK (length(raised_by) <= 100),
    recorded_by TEXT       NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    decision   TEXT        CHECK (decision IN ('UPHELD', 'REJECTED')),
    answer     TEXT        CHECK (length(answer) <= 2000),
    decided_at TIMESTAMPTZ
);
