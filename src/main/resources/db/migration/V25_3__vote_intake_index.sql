-- Ballot intake finds a person's other units by owner (one person, one ballot) on every phone ballot.
CREATE INDEX vote_roll_owner_idx ON vote_roll (vote_id, owner);
