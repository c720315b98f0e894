-- Issue 19: every input of a score reachable. A finding can now carry the sample behind a measured value (Erqi
-- row 20), the report of one deadline of a milestone rule (due, date: one finding per deadline of the period),
-- and where it came from when no inspector typed it (source, e.g. 'survey:12': read-only on the form).
ALTER TABLE finding
    ADD COLUMN sample NUMERIC(7, 6) CHECK (sample >= 0 AND sample <= 1),
    ADD COLUMN due    DATE,
    ADD COLUMN date   DATE,
    ADD COLUMN source TEXT;

ALTER TABLE finding DROP CONSTRAINT finding_pkey;
-- One finding per rule, and per deadline for milestone rules (NULLS NOT DISTINCT: PostgreSQL 15+).
ALTER TABLE finding ADD CONSTRAINT finding_rule_due_uk UNIQUE NULLS NOT DISTINCT (inspection_id, rule_code, due);

-- A survey's rate is truncated to six decimals so that it never rounds up past a threshold (79.99995 % is not
-- 80 %); four decimals would round it. Keep all six.
ALTER TABLE finding ALTER COLUMN value TYPE NUMERIC(14, 6);
