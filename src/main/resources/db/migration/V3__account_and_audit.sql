CREATE TABLE app_user (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            TEXT        NOT NULL UNIQUE,
    display_name        TEXT        NOT NULL,
    password_hash       TEXT        NOT NULL,
    role                TEXT        NOT NULL,
    region_id           BIGINT REFERENCES region (id),
    company_id          BIGINT REFERENCES property_company (id),
    estate_id           BIGINT REFERENCES estate (id),
    enabled             BOOLEAN     NOT NULL DEFAULT TRUE,
    failed_attempts     INT         NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
    token_hash CHAR(64)    PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_token_expiry_idx ON api_token (expires_at);

-- Append-only, hash-chained audit log: each row's hash covers its content and the previous row's hash,
-- so a changed or removed row breaks the chain; the trigger refuses updates and deletes outright.
CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT,
    summary     TEXT,
    before      JSONB,
    after       JSONB,
    prev_hash   CHAR(64)    NOT NULL,
    hash        CHAR(64)    NOT NULL
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The one definition of an audit row's hash, used when appending and when verifying the chain.
CREATE FUNCTION audit_hash(prev CHAR(64), occurred TIMESTAMPTZ, actor TEXT, action TEXT, entity_type TEXT,
                           entity_id TEXT, summary TEXT, before JSONB, after JSONB)
    RETURNS CHAR(64) LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', prev,
        ((extract(epoch FROM occurred) * 1000000)::bigint)::text, actor, action, entity_type,
        coalesce(entity_id, ''), coalesce(summary, ''), coalesce(before::text, ''), coalesce(after::text, '')),
        'UTF8')), 'hex')
$$;
