-- 双随机、一公开 random inspections (seed 003 二、(一)7; issue 14). A district freezes its two lists (检查对象名录库: the
-- companies under its supervision; 执法检查人员名录库: inspectors with their units) and the declared conflicts, with
-- their hashes and the commitment to a secret; the draw reveals the secret, and the seed is the secret with the
-- draw's time, so anyone can recompute the draw from the public record (scripts/verify-draw.py). Each drawn object's
-- inspection is recorded and must be published within 20 working days.
CREATE TABLE random_check (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id     BIGINT      NOT NULL,
    district_path   TEXT        NOT NULL,
    district_name   TEXT        NOT NULL,
    title           TEXT        NOT NULL CHECK (length(title) <= 200),
    count           INT         NOT NULL CHECK (count >= 1),
    objects         JSONB       NOT NULL,
    inspectors      JSONB       NOT NULL,
    conflicts       JSONB       NOT NULL,
    objects_hash    TEXT        NOT NULL,
    inspectors_hash TEXT        NOT NULL,
    commitment      TEXT        NOT NULL,
    secret          TEXT        NOT NULL,
    seed            TEXT,
    pairs           JSONB,
    status          TEXT        NOT NULL CHECK (status IN ('FROZEN', 'DRAWN')),
    frozen_by       TEXT        NOT NULL,
    frozen_at       TIMESTAMPTZ NOT NULL,
    drawn_at        TIMESTAMPTZ
);

CREATE TABLE random_check_record (
    check_id     BIGINT      NOT NULL REFERENCES random_check (id),
    object_id    TEXT        NOT NULL,
    inspected_on DATE        NOT NULL,
    passed       BOOLEAN     NOT NULL,
    findings     TEXT        NOT NULL CHECK (length(findings) <= 5000),
    photo        UUID,
    publish_by   DATE        NOT NULL,
    published_on DATE,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (check_id, object_id)
);
