-- Rankings are rewritten whole (20,000 entries per ranking in a large city), so what each inserted row costs matters
-- (issue 6 benchmark, docs/benchmarks/rankings.md). Measured on PostgreSQL 15 with 20,000 rows by COPY: the foreign
-- key to ranking costs about half of the write (one trigger query per row) and the district index a further
-- quarter. Entries are written by one method only (RankingStore.replaceEntries), in the transaction that has
-- just saved their ranking, and rankings are never deleted; so the key goes, and the ranking's own entries are found
-- through the primary key, which now leads with the ranking. An estate's history uses its own index.
ALTER TABLE ranking_entry DROP CONSTRAINT ranking_entry_ranking_id_fkey;
ALTER TABLE ranking_entry DROP CONSTRAINT ranking_entry_pkey;
DROP INDEX ranking_entry_district_idx;
ALTER TABLE ranking_entry ADD PRIMARY KEY (ranking_id, estate_id);
CREATE INDEX ranking_entry_estate_idx ON ranking_entry (estate_id);
