# Sourced by the fault scripts. open_survey TITLE: one open survey over every estate of the demo city with a fresh
# code per household (as bench/survey/run.sh does), through "${PSQL[@]}"; writes $WORK/households.csv and
# $WORK/codes.csv (same order: line n of one is line n of the other) and sets SURVEY.
open_survey() {
  local salt=00112233445566778899aabbccddeeff
  "${PSQL[@]}" <<SQL
INSERT INTO survey (title, questionnaire, region_path, starts_on, ends_on, status, salt, created_by, created_at)
VALUES ('$1', 'shenyang-professional', '/', current_date - 1, current_date + 30, 'OPEN',
        decode('$salt', 'hex'), 'fault', now());
INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key, estate_name, district_name, street_name)
SELECT (SELECT max(id) FROM survey), e.id, e.region_path, 'bench-' || e.id || '-1', e.name, d.name, st.name
FROM estate e
LEFT JOIN region d ON d.id = CAST(NULLIF(split_part(e.region_path, '/', 3), '') AS bigint)
LEFT JOIN region st ON st.id = CAST(NULLIF(split_part(e.region_path, '/', 4), '') AS bigint);
INSERT INTO survey_household (survey_id, household_id, estate_id, building, unit, room)
SELECT (SELECT max(id) FROM survey), h.id, h.estate_id, h.building, h.unit, h.room FROM household h;
UPDATE survey_estate se SET household_count = c.n
FROM (SELECT estate_id, count(*) AS n FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey)
      GROUP BY estate_id) c
WHERE se.survey_id = (SELECT max(id) FROM survey) AND se.estate_id = c.estate_id;
\copy (SELECT household_id, estate_id || '-1', building, unit, room FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey) ORDER BY estate_id, household_id) TO '$WORK/households.csv' CSV
SQL
  java bench/survey/SurveyLoad.java codes "$WORK/households.csv" $salt "$WORK/codes.csv" "$WORK/hashes.csv"
  SURVEY=$("${PSQL[@]}" -tA -c "SELECT max(id) FROM survey")
  "${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (household_id bigint, hash text);
\copy h FROM '$WORK/hashes.csv' CSV
UPDATE survey_household s SET code_hash = decode(h.hash, 'hex') FROM h
WHERE s.survey_id = $SURVEY AND s.household_id = h.household_id;
SQL
}

# check_acknowledged ACK_LOG: prints "stored_of_acknowledged responses answered distinct_households" for $SURVEY,
# where stored_of_acknowledged counts the acknowledged codes (indexes into codes.csv) whose household answered
check_acknowledged() {
  awk 'NR == FNR {ack[$1 + 1] = 1; next} (FNR in ack) {split($0, f, ","); print f[1]}' "$1" "$WORK/households.csv" \
    > "$WORK/acked-households.csv"
  "${PSQL[@]}" -tA -F ' ' <<SQL
CREATE TEMP TABLE acked (household_id bigint);
\copy acked FROM '$WORK/acked-households.csv' CSV
SELECT (SELECT count(*) FROM acked a JOIN survey_answered s ON s.survey_id = $SURVEY AND s.household_id = a.household_id),
       (SELECT count(*) FROM survey_response WHERE survey_id = $SURVEY),
       (SELECT count(*) FROM survey_answered WHERE survey_id = $SURVEY),
       (SELECT count(DISTINCT household_id) FROM survey_answered WHERE survey_id = $SURVEY);
SQL
}

# open_votes TITLE [MARKER]: one open owners' vote per estate of the demo city (issue 13), its roll the estate's households
# (unit = household id), with a fresh ballot code per unit; writes $WORK/units.csv and $WORK/ballot-codes.csv (same
# order) and sets VOTES (a SQL condition selecting them).
open_votes() {
  local salt=00112233445566778899aabbccddeeff marker=${2:-fault}
  "${PSQL[@]}" <<SQL
INSERT INTO vote (estate_id, estate_name, estate_path, matter, title, announced_on, opens_on, closes_on, status,
                  approved_by, roll_size, created_by, created_at, link_key, salt)
SELECT e.id, e.name, e.region_path, 4, '$1', current_date - 20, current_date - 1, current_date + 30, 'OPEN',
       '$marker', 0, '$marker', now(), 'bench-' || e.id || '-v', decode('$salt', 'hex') FROM estate e;
INSERT INTO vote_proposal (vote_id, position, text) SELECT id, 1, '续聘现物业服务企业' FROM vote WHERE created_by = '$marker';
INSERT INTO vote_roll (vote_id, unit, owner, area, unsold)
SELECT v.id, h.id::text, '业主' || h.id, 90.00, false FROM household h JOIN vote v ON v.estate_id = h.estate_id
WHERE v.created_by = '$marker';
\copy (SELECT r.unit, v.estate_id || '-v', '', '', '' FROM vote_roll r JOIN vote v ON v.id = r.vote_id WHERE v.created_by = '$marker' ORDER BY v.estate_id, r.unit) TO '$WORK/units.csv' CSV
SQL
  java bench/survey/SurveyLoad.java codes "$WORK/units.csv" $salt "$WORK/ballot-codes.csv" "$WORK/ballot-hashes.csv"
  "${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (unit text, hash text);
\copy h FROM '$WORK/ballot-hashes.csv' CSV
INSERT INTO vote_code (vote_id, unit, code_hash)
SELECT r.vote_id, r.unit, decode(h.hash, 'hex') FROM h JOIN vote_roll r ON r.unit = h.unit
JOIN vote v ON v.id = r.vote_id AND v.created_by = '$marker';
SQL
  VOTES="v.created_by = '$marker'"
}

# check_acknowledged_ballots ACK_LOG: prints "stored_of_acknowledged ballot_rows distinct_units changes" for the
# votes of open_votes: acknowledged codes (indexes into ballot-codes.csv) whose unit has its ballot in force
check_acknowledged_ballots() {
  awk 'NR == FNR {ack[$1 + 1] = 1; next} (FNR in ack) {split($0, f, ","); print f[1]}' "$1" "$WORK/units.csv" \
    > "$WORK/acked-units.csv"
  "${PSQL[@]}" -tA -F ' ' <<SQL
CREATE TEMP TABLE acked (unit text);
\copy acked FROM '$WORK/acked-units.csv' CSV
SELECT (SELECT count(*) FROM acked a JOIN vote_ballot b ON b.unit = a.unit JOIN vote v ON v.id = b.vote_id
        WHERE $VOTES),
       (SELECT count(*) FROM vote_ballot b JOIN vote v ON v.id = b.vote_id WHERE $VOTES),
       (SELECT count(DISTINCT (b.vote_id, b.unit)) FROM vote_ballot b JOIN vote v ON v.id = b.vote_id WHERE $VOTES),
       (SELECT count(*) FROM vote_ballot_change b JOIN vote v ON v.id = b.vote_id WHERE $VOTES);
SQL
}
