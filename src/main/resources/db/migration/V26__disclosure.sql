-- The estate's public accounts 三公开 (seed 003 三、(二); issue 13): what the company publishes about its service and
-- fees (every version kept), and each half-year's statement of common-area income and the maintenance fund.
CREATE TABLE service_disclosure (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id     BIGINT      NOT NULL,
    estate_path   TEXT        NOT NULL,
    company_id    BIGINT      NOT NULL,
    services      TEXT        NOT NULL CHECK (length(services) <= 5000),
    grade         TEXT        NOT NULL CHECK (length(grade) <= 200),
    standard      TEXT        NOT NULL CHECK (length(standard) <= 5000),
    fees          JSONB       NOT NULL,
    service_phone TEXT        NOT NULL CHECK (length(service_phone) <= 50),
    channels      TEXT        NOT NULL CHECK (length(channels) <= 1000),
    published_by  TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    confirmed_by  TEXT,
    confirmed_at  TIMESTAMPTZ
);
CREATE INDEX service_disclosure_estate_idx ON service_disclosure (estate_id, id DESC);

CREATE TABLE fund_statement (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id       BIGINT         NOT NULL,
    estate_path     TEXT           NOT NULL,
    company_id      BIGINT         NOT NULL,
    half            TEXT           NOT NULL CHECK (half ~ '^[0-9]{4}-H[12]$'),
    fund_opening    NUMERIC(14, 2) NOT NULL,
    fund_closing    NUMERIC(14, 2) NOT NULL,
    published_by    TEXT           NOT NULL,
    published_at    TIMESTAMPTZ    NOT NULL,
    confirmed_by    TEXT,
    confirmed_at    TIMESTAMPTZ
);
CREATE INDEX fund_statement_estate_idx ON fund_statement (estate_id, half, id DESC);

-- kind: COMMON_INCOME (停车、广告、租赁、其他), COMMON_USE, FUND_INCOME, FUND_SPENDING
CREATE TABLE fund_statement_line (
    statement_id BIGINT         NOT NULL REFERENCES fund_statement (id) ON DELETE CASCADE,
    position     INT            NOT NULL,
    kind         TEXT           NOT NULL CHECK (kind IN ('COMMON_INCOME', 'COMMON_USE', 'FUND_INCOME', 'FUND_SPENDING')),
    item         TEXT           NOT NULL CHECK (length(item) <= 100),
    note         TEXT           CHECK (length(note) <= 500),
    amount       NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (statement_id, position)
);
