-- What a vote answers, when it was started from another record: an exit recommendation letter ('exit:<id>', item 4).
ALTER TABLE vote ADD COLUMN source TEXT CHECK (source IS NULL OR source ~ '^exit:[0-9]+$');
