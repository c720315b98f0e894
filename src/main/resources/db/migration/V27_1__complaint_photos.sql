-- Photos an owner sends with a complaint from the phone page (issue 14), kept in the file store.
CREATE TABLE complaint_photo (
    complaint_id BIGINT NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    position     INT    NOT NULL,
    file_id      UUID   NOT NULL,
    name         TEXT,
    PRIMARY KEY (complaint_id, position)
);
