-- A district's (or the city's) round settings: how many days its rounds stay in publicity 公示 unless the round
-- form says otherwise (issue 21: a district setting, default 7, at least one day).
CREATE TABLE round_setting (
    region_id      BIGINT      PRIMARY KEY,
    publicity_days INT         NOT NULL CHECK (publicity_days BETWEEN 1 AND 60),
    updated_by     TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
