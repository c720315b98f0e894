-- Rankings at the scope assessed (issue 19). A ranking ranks only the estates its published rounds covered: every
-- estate gets a place in its street; a place in its district only when the rounds of the scheme and period covered
-- every street of that district, and a place in the city only when they covered every street of the city. Top and
-- bottom lists come only from a complete district (seed 000: 排名后10名 means among all estates of the district).
-- (V14 is left to the scoring changes of the same issue, which are written in parallel.)

-- The region the ranking is about: the narrowest region holding every estate it ranks, whether the rounds covered
-- that region whole, and the streets under it still missing ("河西区朝阳街道" at city level, "朝阳街道" below).
ALTER TABLE ranking
    ADD COLUMN scope_level     TEXT    NOT NULL DEFAULT 'CITY' CHECK (scope_level IN ('CITY', 'DISTRICT', 'STREET')),
    ADD COLUMN scope_region_id BIGINT,
    ADD COLUMN scope_name      TEXT,
    ADD COLUMN scope_complete  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN missing_streets TEXT[]  NOT NULL DEFAULT '{}';

-- Whether each district and the city of a ranking were covered whole, and which streets are missing: the pages say
-- "河东区排名（不完整，尚缺：朝阳街道）" from it.
CREATE TABLE ranking_coverage (
    ranking_id      BIGINT  NOT NULL REFERENCES ranking (id) ON DELETE CASCADE,
    region_id       BIGINT  NOT NULL,
    level           TEXT    NOT NULL CHECK (level IN ('CITY', 'DISTRICT')),
    region_name     TEXT    NOT NULL,
    complete        BOOLEAN NOT NULL,
    streets_covered INT     NOT NULL,
    streets_needed  INT     NOT NULL,
    missing_streets TEXT[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (ranking_id, region_id)
);

-- Old estates: a period whose rounds assessed old estates only (二七区老旧小区) needs only the streets that hold one.
ALTER TABLE ranking_score ADD COLUMN old_estate BOOLEAN NOT NULL DEFAULT FALSE;

-- Rankings computed before this migration placed every estate in its district and city whatever the rounds covered;
-- scope_name NULL marks them, and RankingScopeBackfill recomputes their schemes once at start.
