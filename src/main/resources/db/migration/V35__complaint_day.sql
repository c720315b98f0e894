-- The complaint figures rolled up per estate, company and day received (China time), kept by a trigger on every
-- change of a complaint (issue 14: a street's figures over a year answer p95 < 200 ms with 1,000,000 complaints; one
-- row per estate and day instead of one per complaint). ComplaintFigures reads only this table; each column counts
-- the complaints received that day that are (now) in that state, exactly as the query over complaint did.
CREATE TABLE complaint_day (
    estate_id      BIGINT  NOT NULL,
    estate_path    TEXT    NOT NULL,
    company_key    BIGINT  NOT NULL, -- the complaint's company_id, 0 for none
    day            DATE    NOT NULL,
    estate_name    TEXT    NOT NULL,
    received       INT     NOT NULL,
    signed_on_time INT     NOT NULL,
    closed         INT     NOT NULL,
    closed_on_time INT     NOT NULL,
    pushed_back    INT     NOT NULL,
    satisfied      INT     NOT NULL,
    basically      INT     NOT NULL,
    unsatisfied    INT     NOT NULL,
    repeats        INT     NOT NULL,
    open           INT     NOT NULL,
    PRIMARY KEY (estate_id, estate_path, company_key, day)
);
CREATE INDEX complaint_day_path_idx ON complaint_day (estate_path text_pattern_ops, day);

-- what one complaint row adds to its day's line (sign -1 takes it away again)
CREATE FUNCTION complaint_day_add(c complaint, sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_day AS d (estate_id, estate_path, company_key, day, estate_name, received, signed_on_time,
                                    closed, closed_on_time, pushed_back, satisfied, basically, unsatisfied, repeats,
                                    open)
    VALUES (c.estate_id, c.estate_path, coalesce(c.company_id, 0),
            CAST(c.received_at AT TIME ZONE 'Asia/Shanghai' AS date), c.estate_name,
            sign,
            sign * (c.signed_at IS NOT NULL AND CAST(c.signed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= c.sign_due)::int,
            sign * (c.status = 'CLOSED')::int,
            sign * (c.status = 'CLOSED' AND CAST(c.closed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= c.close_due)::int,
            sign * (c.status = 'RETURNED')::int,
            sign * (c.callback IS NOT DISTINCT FROM 'SATISFIED')::int,
            sign * (c.callback IS NOT DISTINCT FROM 'BASICALLY_SATISFIED')::int,
            sign * (c.callback IS NOT DISTINCT FROM 'UNSATISFIED')::int,
            sign * c.is_repeat::int,
            sign * (c.status NOT IN ('CLOSED', 'RETURNED'))::int)
    ON CONFLICT (estate_id, estate_path, company_key, day) DO UPDATE SET
        estate_name = least(d.estate_name, EXCLUDED.estate_name),
        received = d.received + EXCLUDED.received,
        signed_on_time = d.signed_on_time + EXCLUDED.signed_on_time,
        closed = d.closed + EXCLUDED.closed,
        closed_on_time = d.closed_on_time + EXCLUDED.closed_on_time,
        pushed_back = d.pushed_back + EXCLUDED.pushed_back,
        satisfied = d.satisfied + EXCLUDED.satisfied,
        basically = d.basically + EXCLUDED.basically,
        unsatisfied = d.unsatisfied + EXCLUDED.unsatisfied,
        repeats = d.repeats + EXCLUDED.repeats,
        open = d.open + EXCLUDED.open;
END $$;

-- An import of many orders in one transaction sets kaoping.complaint_day to 'deferred' and rebuilds its estates' lines
-- once at the end (ComplaintStore.rebuildRollUp) instead of one upsert per order.
CREATE FUNCTION complaint_day_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('kaoping.complaint_day', true) = 'deferred' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.estate_id = NEW.estate_id AND OLD.estate_path = NEW.estate_path
       AND OLD.company_id IS NOT DISTINCT FROM NEW.company_id AND OLD.received_at = NEW.received_at
       AND OLD.estate_name = NEW.estate_name AND OLD.status = NEW.status
       AND OLD.signed_at IS NOT DISTINCT FROM NEW.signed_at AND OLD.sign_due = NEW.sign_due
       AND OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at AND OLD.close_due = NEW.close_due
       AND OLD.callback IS NOT DISTINCT FROM NEW.callback AND OLD.is_repeat = NEW.is_repeat THEN
        RETURN NULL; -- nothing the figures count changed (an answer, an overdue flag, the verdict)
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM complaint_day_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM complaint_day_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_day_keep AFTER INSERT OR UPDATE OR DELETE ON complaint
    FOR EACH ROW EXECUTE FUNCTION complaint_day_keep();

-- Recounts the lines of the given estates (every estate for NULL) from their complaints: the first fill below, and the
-- end of an import that set the trigger aside. A line another transaction added meanwhile is overwritten by the
-- recount, which counts its complaint too.
CREATE FUNCTION complaint_day_recount(estates BIGINT[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM complaint_day WHERE estates IS NULL OR estate_id = ANY (estates);
    INSERT INTO complaint_day (estate_id, estate_path, company_key, day, estate_name, received, signed_on_time, closed,
                               closed_on_time, pushed_back, satisfied, basically, unsatisfied, repeats, open)
    SELECT estate_id, estate_path, coalesce(company_id, 0), CAST(received_at AT TIME ZONE 'Asia/Shanghai' AS date),
           min(estate_name), count(*),
           count(*) FILTER (WHERE signed_at IS NOT NULL
                            AND CAST(signed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= sign_due),
           count(*) FILTER (WHERE status = 'CLOSED'),
           count(*) FILTER (WHERE status = 'CLOSED'
                            AND CAST(closed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= close_due),
           count(*) FILTER (WHERE status = 'RETURNED'),
           count(*) FILTER (WHERE callback = 'SATISFIED'),
           count(*) FILTER (WHERE callback = 'BASICALLY_SATISFIED'),
           count(*) FILTER (WHERE callback = 'UNSATISFIED'),
           count(*) FILTER (WHERE is_repeat),
           count(*) FILTER (WHERE status NOT IN ('CLOSED', 'RETURNED'))
    FROM complaint WHERE estates IS NULL OR estate_id = ANY (estates)
    GROUP BY estate_id, estate_path, coalesce(company_id, 0), CAST(received_at AT TIME ZONE 'Asia/Shanghai' AS date)
    ON CONFLICT (estate_id, estate_path, company_key, day) DO UPDATE SET
        estate_name = EXCLUDED.estate_name, received = EXCLUDED.received, signed_on_time = EXCLUDED.signed_on_time,
        closed = EXCLUDED.closed, closed_on_time = EXCLUDED.closed_on_time, pushed_back = EXCLUDED.pushed_back,
        satisfied = EXCLUDED.satisfied, basically = EXCLUDED.basically, unsatisfied = EXCLUDED.unsatisfied,
        repeats = EXCLUDED.repeats, open = EXCLUDED.open;
$$;

SELECT complaint_day_recount(NULL);
