-- The registry: one region tree (city → district → street office → community), companies, estates and households.

CREATE TABLE region (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id BIGINT REFERENCES region (id),
    level     TEXT   NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    code      TEXT   NOT NULL UNIQUE,
    name      TEXT   NOT NULL,
    -- materialised path of ids, '/1/4/17/': a scope is a prefix of it
    path      TEXT   NOT NULL DEFAULT '',
    CONSTRAINT region_root_is_city CHECK ((parent_id IS NULL) = (level = 'CITY')),
    CONSTRAINT region_name_unique_under_parent UNIQUE (parent_id, name)
);
CREATE INDEX region_path_idx ON region (path text_pattern_ops);
CREATE INDEX region_parent_idx ON region (parent_id);

CREATE TABLE property_company (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT        NOT NULL,
    credit_code    CHAR(18)    NOT NULL UNIQUE,
    contact_person TEXT,
    contact_phone  TEXT,
    address        TEXT,
    version        INT         NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX property_company_name_idx ON property_company (name);

CREATE TABLE project_manager (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id     BIGINT NOT NULL REFERENCES property_company (id),
    name           TEXT   NOT NULL,
    phone          TEXT,
    certificate_no TEXT
);
CREATE INDEX project_manager_company_idx ON project_manager (company_id);

CREATE TABLE estate (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               TEXT          NOT NULL,
    address            TEXT          NOT NULL,
    community_id       BIGINT        NOT NULL REFERENCES region (id),
    -- copy of the community's path, so that scope is one indexed prefix match
    region_path        TEXT          NOT NULL,
    category           TEXT          NOT NULL CHECK (category IN ('PROFESSIONAL', 'BASIC')),
    old_estate         BOOLEAN       NOT NULL DEFAULT FALSE,
    management_mode    TEXT          NOT NULL CHECK (management_mode IN ('COMPANY', 'EMPLOYER', 'CITY_SERVICE', 'NONE')),
    floor_area         NUMERIC(14, 2) NOT NULL CHECK (floor_area >= 0),
    household_count    INT           NOT NULL CHECK (household_count >= 0),
    company_id         BIGINT REFERENCES property_company (id),
    project_manager_id BIGINT REFERENCES project_manager (id),
    contract_start     DATE,
    contract_filed     BOOLEAN       NOT NULL DEFAULT FALSE,
    version            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT estate_name_unique_in_community UNIQUE (community_id, name)
);
CREATE INDEX estate_region_path_idx ON estate (region_path text_pattern_ops, name);
CREATE INDEX estate_company_idx ON estate (company_id);
CREATE INDEX estate_name_idx ON estate (name);

CREATE TABLE owners_committee (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id          BIGINT NOT NULL UNIQUE REFERENCES estate (id) ON DELETE CASCADE,
    kind               TEXT   NOT NULL CHECK (kind IN ('OWNERS', 'INTERIM')),
    term_start         DATE   NOT NULL,
    term_end           DATE   NOT NULL,
    member_count       INT    NOT NULL CHECK (member_count > 0),
    party_member_count INT    NOT NULL CHECK (party_member_count >= 0),
    CONSTRAINT owners_committee_term CHECK (term_end > term_start),
    CONSTRAINT owners_committee_party CHECK (party_member_count <= member_count)
);

CREATE TABLE household (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estate_id  BIGINT        NOT NULL REFERENCES estate (id) ON DELETE CASCADE,
    building   TEXT          NOT NULL,
    unit       TEXT          NOT NULL DEFAULT '',
    room       TEXT          NOT NULL,
    floor_area NUMERIC(10, 2) NOT NULL CHECK (floor_area > 0),
    CONSTRAINT household_unique_room UNIQUE (estate_id, building, unit, room)
);
