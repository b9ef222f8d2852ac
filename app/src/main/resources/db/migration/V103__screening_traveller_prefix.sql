-- The traveller page finds a traveller's trips by the first 12 hex digits (48 bits) of the keyed hash
-- instead of all 64: the query still compares the whole key. Every stored record inserts into this
-- index at a random place, and an index of 64-character keys outgrew H2's page cache: batches of
-- 1,000,000 records spent about a quarter of their time on it (docs/benchmarks.md).
alter table screening_record add column traveller_prefix varchar(12);
update screening_record set traveller_prefix = substring(traveller_key, 1, 12);
alter table screening_record alter column traveller_prefix set not null;
drop index screening_record_traveller;
create index screening_record_traveller on screening_record (traveller_prefix);
