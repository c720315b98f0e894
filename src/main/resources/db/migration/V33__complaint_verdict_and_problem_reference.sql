-- What the street found when it checked a complaint (核实情况: 属实, 部分属实, 不属实), recorded at the close; the
-- credit rule on substantiated complaints counts those the company handled (issue 14).
ALTER TABLE complaint ADD COLUMN verdict TEXT CHECK (verdict IN ('SUBSTANTIATED', 'PARTLY', 'UNFOUNDED'));
CREATE INDEX complaint_substantiated_idx ON complaint (assignee_company_id, closed_at)
    WHERE verdict IN ('SUBSTANTIATED', 'PARTLY');

-- A notice's problem may come from a complaint or a 双随机 inspection; reference names the record it came from
-- (complaint:12, random-check:3:45), so the same record is not listed twice and its page can link the notice.
ALTER TABLE rectification_problem DROP CONSTRAINT rectification_problem_source_check;
ALTER TABLE rectification_problem ADD CONSTRAINT rectification_problem_source_check
    CHECK (source IN ('FINDING', 'PATROL', 'RANKING', 'MANUAL', 'COMPLAINT', 'RANDOM_CHECK'));
ALTER TABLE rectification_problem ADD COLUMN reference TEXT CHECK (reference ~ '^[a-z-]+(:[0-9]+)+$');
CREATE INDEX rectification_problem_reference_idx ON rectification_problem (reference) WHERE reference IS NOT NULL;
