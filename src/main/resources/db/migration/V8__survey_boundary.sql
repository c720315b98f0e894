-- Survey module boundary (issue 5): a survey keeps its own copy of what it shows about its estates, taken from the
-- registry's facade (OrganisationDirectory) when the survey opens, so that no survey query reads the registry's
-- estate, region or household tables any more (module rule: modules talk through facades and events only).
--
-- survey_estate gains the estate's name, its district and street names and the number of households counted
-- (the rows of survey_household, copied when the survey opened and never changed after). Existing surveys are
-- backfilled here, once, from the registry as it stands; an estate deleted from the registry since keeps a
-- placeholder name instead of vanishing from its survey.

ALTER TABLE survey_estate
    ADD COLUMN estate_name     TEXT,
    ADD COLUMN district_name   TEXT,
    ADD COLUMN street_name     TEXT,
    -- households counted (the denominator of participation): count of survey_household rows of this estate
    ADD COLUMN household_count INT NOT NULL DEFAULT 0 CHECK (household_count >= 0);

UPDATE survey_estate se SET estate_name = e.name FROM estate e WHERE e.id = se.estate_id;
UPDATE survey_estate SET estate_name = '小区 #' || estate_id WHERE estate_name IS NULL;

-- region paths are /city/district/street/community/ (ids): the 3rd and 4th parts name district and street
UPDATE survey_estate se SET district_name = d.name
FROM region d WHERE d.id = CAST(NULLIF(split_part(se.region_path, '/', 3), '') AS BIGINT);
UPDATE survey_estate se SET street_name = st.name
FROM region st WHERE st.id = CAST(NULLIF(split_part(se.region_path, '/', 4), '') AS BIGINT);

UPDATE survey_estate se SET household_count = c.n
FROM (SELECT survey_id, estate_id, count(*) AS n FROM survey_household GROUP BY survey_id, estate_id) c
WHERE se.survey_id = c.survey_id AND se.estate_id = c.estate_id;

ALTER TABLE survey_estate ALTER COLUMN estate_name SET NOT NULL;
