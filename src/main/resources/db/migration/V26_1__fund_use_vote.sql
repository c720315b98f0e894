-- A maintenance-fund spending line names the owners' vote that decided it (民法典 art. 278 item 5; issue 13).
ALTER TABLE fund_statement_line ADD COLUMN vote_id BIGINT REFERENCES vote (id);
