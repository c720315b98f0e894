-- One response-equivalent row per transaction, as survey intake stores it (survey_response without its checks).
\set e random(1, 240)
INSERT INTO bench_response (id, survey_id, estate_id, channel, received_on, answers, score, key_answer, void_key)
VALUES (gen_random_uuid(), 1, :e, 'LINK', current_date,
        '{"contract": "S", "sanitation": "B", "facilities": "S", "order": "U", "greening": "S"}', 64, NULL,
        sha256(random()::text::bytea));
