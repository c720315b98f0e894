-- Versions of scoring schemes 考评标准. The YAML text is the scheme (docs/schemes.md); title and source are
-- copied out of it for lists. A version is a draft until published; a published version never changes again
-- (the trigger refuses it), so a stored evaluation can always be explained by the version it names.
CREATE TABLE scheme_version (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         TEXT        NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version      INT         NOT NULL CHECK (version >= 1),
    status       TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    title        TEXT        NOT NULL,
    source       TEXT,
    yaml         TEXT        NOT NULL,
    built_in     BOOLEAN     NOT NULL DEFAULT FALSE,
    based_on     INT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    published_by TEXT,
    published_at TIMESTAMPTZ,
    CONSTRAINT scheme_version_code_version_uk UNIQUE (code, version),
    CONSTRAINT scheme_version_published_ck CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
-- at most one draft per scheme at a time: editing is "clone the latest, change the clone, publish it"
CREATE UNIQUE INDEX scheme_version_one_draft_uk ON scheme_version (code) WHERE status = 'DRAFT';

CREATE FUNCTION scheme_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'scheme % version % is published and cannot be changed', OLD.code, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER scheme_version_immutable BEFORE UPDATE OR DELETE ON scheme_version
    FOR EACH ROW EXECUTE FUNCTION scheme_version_published_is_immutable();
