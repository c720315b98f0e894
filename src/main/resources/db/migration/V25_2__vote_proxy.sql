-- Proxies (issue 13): an owner may authorise a proxy in writing; the proxy's paper ballot counts only once the
-- committee has checked the authorisation (委托书) kept with it.
ALTER TABLE vote_paper_entry ADD COLUMN proxy TEXT;
ALTER TABLE vote_paper_entry ADD COLUMN authorisation_id UUID;
ALTER TABLE vote_paper_entry ADD COLUMN authorisation_name TEXT;
ALTER TABLE vote_ballot ADD COLUMN proxy TEXT;
ALTER TABLE vote_ballot ADD COLUMN authorisation_id UUID;
ALTER TABLE vote_ballot ADD COLUMN proxy_checked_by TEXT;
