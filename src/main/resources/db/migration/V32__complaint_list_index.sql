-- The complaint list is newest first over a region (issue 14: p95 < 200 ms with 1,000,000 complaints): an index in
-- that order lets PostgreSQL stop after the page instead of sorting every complaint of a district.
CREATE INDEX complaint_received_idx ON complaint (received_at DESC, id DESC);
-- the figures' repeat count looks for an earlier complaint of the same estate and category within 30 days
CREATE INDEX complaint_repeat_idx ON complaint (estate_id, category, received_at);

-- Whether a complaint repeats one of the same estate and category received in the 30 days before it (issue 14's
-- repeat count), kept when a complaint is filed instead of searched for by every figures query: the figures of a
-- street over a year of 1,000,000 complaints become one pass over its rows.
ALTER TABLE complaint ADD COLUMN is_repeat BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE complaint c SET is_repeat = TRUE
WHERE EXISTS (SELECT 1 FROM complaint p WHERE p.estate_id = c.estate_id AND p.category = c.category AND p.id <> c.id
              AND p.received_at <= c.received_at AND p.received_at > c.received_at - interval '30 days');
