-- Rankings (issue 6): the published totals rankings are computed from, the rankings with their entries, the top and
-- bottom lists announced to other modules, and what owners' committees have read. Everything here comes from
-- published rounds and closed surveys only, so any of it may be shown on the public site.

-- One estate's published total in a round (the latest revision), with the names needed to list it by place.
CREATE TABLE ranking_score (
    round_id       BIGINT        NOT NULL,
    revision       INT           NOT NULL,
    scheme_code    TEXT          NOT NULL,
    scheme_version INT           NOT NULL,
    period         TEXT          NOT NULL,
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    estate_id      BIGINT        NOT NULL,
    estate_name    TEXT          NOT NULL,
    category       TEXT          NOT NULL,
    company_id     BIGINT,
    company_name   TEXT,
    street_id      BIGINT        NOT NULL,
    street_name    TEXT          NOT NULL,
    district_id    BIGINT        NOT NULL,
    district_name  TEXT          NOT NULL,
    city_id        BIGINT        NOT NULL,
    city_name      TEXT          NOT NULL,
    region_path    TEXT          NOT NULL,
    total          NUMERIC(7, 2) NOT NULL,
    grade          TEXT,
    grade_label    TEXT,
    published_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (round_id, estate_id)
);
CREATE INDEX ranking_score_period_idx ON ranking_score (scheme_code, period);

-- One estate's result in a closed survey (counts only: no answer, no household).
CREATE TABLE ranking_satisfaction (
    survey_id         BIGINT       NOT NULL,
    round_id          BIGINT,
    scheme_code       TEXT,
    title             TEXT         NOT NULL,
    starts_on         DATE         NOT NULL,
    ends_on           DATE         NOT NULL,
    closed_at         TIMESTAMPTZ  NOT NULL,
    estate_id         BIGINT       NOT NULL,
    estate_name       TEXT         NOT NULL,
    region_path       TEXT         NOT NULL,
    households        INT          NOT NULL,
    respondents       INT          NOT NULL,
    participation     NUMERIC(7, 6) NOT NULL,
    min_participation NUMERIC(7, 6),
    valid             BOOLEAN      NOT NULL,
    satisfaction      NUMERIC(5, 2),
    PRIMARY KEY (survey_id, estate_id)
);
CREATE INDEX ranking_satisfaction_round_idx ON ranking_satisfaction (round_id);
CREATE INDEX ranking_satisfaction_estate_idx ON ranking_satisfaction (estate_id, ends_on);

-- A ranking: a scheme's results for one period. ROUND = the period rounds are held for (a quarter for Shenyang,
-- a half-year for Erqi); HALF_YEAR and YEAR aggregate quarters by the scheme's setting.
CREATE TABLE ranking (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scheme_code          TEXT        NOT NULL,
    scheme_version       INT         NOT NULL,
    scheme_title         TEXT        NOT NULL,
    period               TEXT        NOT NULL,
    period_kind          TEXT        NOT NULL CHECK (period_kind IN ('ROUND', 'HALF_YEAR', 'YEAR')),
    period_start         DATE        NOT NULL,
    period_end           DATE        NOT NULL,
    method               TEXT,
    separate_by_category BOOLEAN     NOT NULL,
    list_size            INT         NOT NULL CHECK (list_size > 0),
    complete             BOOLEAN     NOT NULL,
    missing_periods      TEXT[]      NOT NULL DEFAULT '{}',
    estates              INT         NOT NULL,
    revision             INT         NOT NULL,
    correction           TEXT,
    first_computed_at    TIMESTAMPTZ NOT NULL,
    computed_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT ranking_once_per_period UNIQUE (scheme_code, period)
);

-- One estate in a ranking: its score (null when a quarter it needs is missing), grade, and place in each scope.
-- Places are competition ranks (1, 2, 2, 4) within the scope and, where the scheme ranks categories apart,
-- within the estate's category.
CREATE TABLE ranking_entry (
    ranking_id       BIGINT        NOT NULL REFERENCES ranking (id) ON DELETE CASCADE,
    estate_id        BIGINT        NOT NULL,
    -- the published total that names the estate (estate, company, street, district, city, region path): names are
    -- read from ranking_score, not copied onto every entry of every ranking (narrow rows write 4x faster)
    source_round_id  BIGINT        NOT NULL,
    category         TEXT          NOT NULL,
    company_id       BIGINT,
    street_id        BIGINT        NOT NULL,
    district_id      BIGINT        NOT NULL,
    city_id          BIGINT        NOT NULL,
    score            NUMERIC(7, 2),
    grade            TEXT,
    grade_label      TEXT,
    rank_city        INT,
    rank_district    INT,
    rank_street      INT,
    tied_city        BOOLEAN       NOT NULL DEFAULT FALSE,
    tied_district    BOOLEAN       NOT NULL DEFAULT FALSE,
    tied_street      BOOLEAN       NOT NULL DEFAULT FALSE,
    peers_city       INT           NOT NULL DEFAULT 0,
    peers_district   INT           NOT NULL DEFAULT 0,
    peers_street     INT           NOT NULL DEFAULT 0,
    periods_used     TEXT[]        NOT NULL DEFAULT '{}',
    periods_missing  TEXT[]        NOT NULL DEFAULT '{}',
    satisfaction     NUMERIC(5, 2),
    participation    NUMERIC(7, 6),
    satisfaction_ok  BOOLEAN,
    -- estate first: an estate's history reads it; ranking pages use the district index, which leads with ranking_id
    PRIMARY KEY (estate_id, ranking_id)
);
CREATE INDEX ranking_entry_district_idx ON ranking_entry (ranking_id, district_id, category, rank_district);

-- The top and bottom N of each district and category, as last announced (TopRanked / BottomRanked).
CREATE TABLE ranking_list (
    ranking_id   BIGINT      NOT NULL REFERENCES ranking (id) ON DELETE CASCADE,
    list_end     TEXT        NOT NULL CHECK (list_end IN ('TOP', 'BOTTOM')),
    district_id  BIGINT      NOT NULL,
    category     TEXT        NOT NULL,
    estate_ids   BIGINT[]    NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ranking_id, list_end, district_id, category)
);

-- An owners' committee member opened the letter of a ranking for their estate.
CREATE TABLE ranking_letter_read (
    ranking_id BIGINT      NOT NULL REFERENCES ranking (id) ON DELETE CASCADE,
    estate_id  BIGINT      NOT NULL,
    read_by    TEXT        NOT NULL,
    read_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ranking_id, estate_id)
);
