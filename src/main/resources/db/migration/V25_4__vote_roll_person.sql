-- The person a unit counts for (one person, one ballot: 民法典 art. 278 and the 2009 interpretation §9), as
-- RollUnit.person() computes it: the developer for every unsold unit, otherwise the owner's name, or the unit itself
-- when no owner is named. Kept by PostgreSQL and indexed, so a phone ballot finds the person's units in one probe.
ALTER TABLE vote_roll ADD COLUMN person TEXT GENERATED ALWAYS AS (
    CASE WHEN unsold THEN chr(1) || 'developer'
         WHEN owner IS NULL OR btrim(owner) = '' THEN chr(1) || 'unit:' || unit
         ELSE btrim(owner) END) STORED;
CREATE INDEX vote_roll_person_idx ON vote_roll (vote_id, person);
