-- Published anchors of the audit chain (ADR 0010): the head hash after row_count rows, keyed with an HMAC whose
-- secret is outside the database (KAOPING_AUDIT_KEY), so neither audit_hash() nor a database writer can forge one.
CREATE TABLE audit_anchor (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    anchored_on DATE        NOT NULL,
    row_count   BIGINT      NOT NULL,
    head_hash   CHAR(64)    NOT NULL,
    mac         CHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_anchor_created_idx ON audit_anchor (created_at DESC);
